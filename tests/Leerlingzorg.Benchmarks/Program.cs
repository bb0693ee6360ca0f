// Region data generator and benchmarks: see README.md (Benchmarks).
Console.WriteLine("Gebruik: generate | bench");
