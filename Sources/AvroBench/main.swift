// Benchmarks for the Avro engine. Run: swift run -c release avro-bench [name ...]
// Each benchmark prints its figures; docs/PERFORMANCE.md records them with this command.

/// Named benchmarks; each file in this folder adds its own entry.
let benchmarks: [(name: String, run: () throws -> Void)] = [
    ("compatibility", CompatibilityBench.run),
    ("codec", CodecBench.run),
]

let requested = Set(CommandLine.arguments.dropFirst())
for benchmark in benchmarks where requested.isEmpty || requested.contains(benchmark.name) {
    print("== \(benchmark.name)")
    try benchmark.run()
}
