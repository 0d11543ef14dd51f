Console.WriteLine("AutogradGen samples");
