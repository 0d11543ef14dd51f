namespace AutogradGen.Packaging.Tests;

/// <summary>
/// A console project that uses AutogradGen only through its package, as the README tells users to: the issue's
/// Rosenbrock example, both modes, printed in invariant culture. Warnings are errors; AGD0012 (reported on
/// <c>Constant</c>) is turned off by a .globalconfig and AGD0013 (on <c>Stepped</c>) by an .editorconfig section:
/// the build succeeds only if both settings reach the generator's diagnostics in a real build.
/// </summary>
internal static class ConsumerProject
{
    public static void Write(string directory, string feed, string version)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AutogradGen" Version="[{{version}}]" />
              </ItemGroup>
            </Project>
            """);

        // No <clear/>: the machine's own sources (the registry, for System.Numerics.Tensors) stay, the feed is added.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="autogradgen-under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        File.WriteAllText(Path.Combine(directory, ".globalconfig"), """
            is_global = true
            dotnet_diagnostic.AGD0012.severity = none
            """);

        File.WriteAllText(Path.Combine(directory, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.AGD0013.severity = none
            """);

        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System.Globalization;
            using AutogradGen;

            var value = Objectives.RosenbrockGradient(1.5, 2.0, out var dx, out var dy);
            var (forwardValue, derivative) = Objectives.RosenbrockDerivative(1.5, 2.0, 1.0, 0.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gradient {value:R} {dx:R} {dy:R}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"derivative {forwardValue:R} {derivative:R}"));

            public static partial class Objectives
            {
                [Differentiable]
                public static double Rosenbrock(double x, double y)
                {
                    var a = 1 - x;
                    var b = y - x * x;
                    return a * a + 100 * b * b;
                }

                [Differentiable]
                public static double Constant(double x) => 1.0;

                [Differentiable]
                public static double Stepped(double x) => Math.Floor(x) * x;
            }
            """);
    }
}
