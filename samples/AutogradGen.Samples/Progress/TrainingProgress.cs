using Spectre.Console;

namespace AutogradGen.Samples.Progress;

/// <summary>
/// A progress bar over a training loop (Spectre.Console), shown only when <see cref="Enabled"/>: the program turns it on
/// when its output is a terminal. Redirected output, and the tests that compare what the samples print, never see it.
/// </summary>
internal static class TrainingProgress
{
    [ThreadStatic] private static bool t_enabled;

    /// <summary>Whether to draw progress bars on this thread (on the terminal, not in what the sample prints).</summary>
    public static bool Enabled
    {
        get => t_enabled;
        set => t_enabled = value;
    }

    /// <summary>Runs <paramref name="train"/>, which calls the step callback it is given once per step.</summary>
    public static void Run(string description, int steps, Action<Action> train)
    {
        if (!Enabled)
        {
            train(static () => { });
            return;
        }

        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: steps);
                train(() => task.Increment(1));
            });
    }
}
