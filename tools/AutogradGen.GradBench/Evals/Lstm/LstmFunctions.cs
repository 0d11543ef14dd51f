namespace AutogradGen.GradBench.Evals.Lstm;

/// <summary>GradBench's lstm eval: a character-level LSTM's loss (<c>cpp/gradbench/evals/lstm.hpp</c>).</summary>
public static partial class LstmFunctions
{
    /// <summary>
    /// The mean negative log-likelihood of each next character of <paramref name="sequence"/> (c rows of b bits),
    /// predicted by <paramref name="layers"/> LSTM layers of b cells. <paramref name="mainParams"/> holds per layer
    /// the weights then the biases of the forget, input, output and change gates (8b); <paramref name="extraParams"/>
    /// the input weights, output weights and output biases (3b); <paramref name="state"/> per layer the initial
    /// hidden state then the cell state (2b), which the method copies and never changes.
    /// </summary>
    [Differentiable(nameof(mainParams), nameof(extraParams))]
    public static double Objective(
        ReadOnlySpan<double> mainParams, ReadOnlySpan<double> extraParams, ReadOnlySpan<double> state,
        ReadOnlySpan<double> sequence, int layers, int b, int c)
    {
        var hidden = new double[layers * b];
        var cell = new double[layers * b];
        for (int layer = 0; layer < layers; layer++)
        {
            for (int i = 0; i < b; i++)
            {
                hidden[layer * b + i] = state[2 * layer * b + i];
                cell[layer * b + i] = state[2 * layer * b + b + i];
            }
        }

        var layerOutput = new double[b];
        var prediction = new double[b];
        double total = 0;
        for (int t = 0; t < c - 1; t++)
        {
            for (int i = 0; i < b; i++) layerOutput[i] = sequence[t * b + i] * extraParams[i];

            for (int layer = 0; layer < layers; layer++)
            {
                int weights = 8 * b * layer;
                int biases = weights + 4 * b;
                for (int i = 0; i < b; i++)
                {
                    int cellIndex = layer * b + i;
                    double forget = Sigmoid(layerOutput[i] * mainParams[weights + i] + mainParams[biases + i]);
                    double ingate = Sigmoid(hidden[cellIndex] * mainParams[weights + b + i] + mainParams[biases + b + i]);
                    double outgate = Sigmoid(layerOutput[i] * mainParams[weights + 2 * b + i] + mainParams[biases + 2 * b + i]);
                    double change = Math.Tanh(hidden[cellIndex] * mainParams[weights + 3 * b + i] + mainParams[biases + 3 * b + i]);
                    double newCell = cell[cellIndex] * forget + ingate * change;
                    cell[cellIndex] = newCell;
                    double cellTanh = Math.Tanh(newCell);
                    hidden[cellIndex] = outgate * cellTanh;
                    layerOutput[i] = hidden[cellIndex];   // the next layer's input (cell i reads only input i)
                }
            }

            double sumOfExps = 0;
            for (int i = 0; i < b; i++)
            {
                prediction[i] = layerOutput[i] * extraParams[b + i] + extraParams[2 * b + i];
                sumOfExps += Math.Exp(prediction[i]);
            }

            double logSumExp = Math.Log(sumOfExps + 2);
            for (int i = 0; i < b; i++) total += sequence[(t + 1) * b + i] * (prediction[i] - logSumExp);
        }

        return -total / ((c - 1) * b);
    }

    /// <summary>1 / (1 + e⁻ˣ), with e⁻ˣ named so that its derivative (itself) is read back, not computed again.</summary>
    [Differentiable]
    public static double Sigmoid(double x)
    {
        double decay = Math.Exp(-x);
        return 1 / (1 + decay);
    }
}
