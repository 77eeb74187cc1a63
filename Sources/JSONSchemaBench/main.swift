// Validation throughput for the JSON Schema engine. Run (release, one core):
//   python3 ../shared/bench/gen_orders.py 1000000 > /tmp/orders.jsonl
//   swift run -c release jsonschema-bench ../shared/bench/order.schema.json /tmp/orders.jsonl
// docs/PERFORMANCE.md records the figures with this command.
import Foundation
import JSONSchema
import JSONValue

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: jsonschema-bench SCHEMA.json RECORDS.jsonl [runs]")
    exit(2)
}
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
/// Optional 5th argument: run only the measurements whose name contains it (e.g. "validate only").
let only = arguments.count > 4 ? arguments[4] : nil

let schemaText = try String(contentsOfFile: arguments[1], encoding: .utf8)
let validator = try JSONSchemaValidator(schemaText: schemaText)
// Split on newline bytes: splitting a String by Character costs more than the validation being measured and
// would dominate a profile of the run.
let lines = try [UInt8](Data(contentsOf: URL(fileURLWithPath: arguments[2])))
    .split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
print("records: \(lines.count)")

/// CPU time of this thread: the machine is shared, so wall-clock rates understate the engine under load.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func measure(_ name: String, _ body: () -> Int) {
    if let only, !name.contains(only) { return }
    var wallRates: [Double] = []
    var cpuRates: [Double] = []
    var checked = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUSeconds()
        checked = body()
        let cpu = threadCPUSeconds() - cpuStart
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        wallRates.append(Double(lines.count) / seconds)
        cpuRates.append(Double(lines.count) / cpu)
    }
    wallRates.sort()
    cpuRates.sort()
    print("\(name): median \(Int(wallRates[runs / 2])) records/s wall, \(Int(cpuRates[runs / 2])) records/s per CPU-second (wall runs: \(wallRates.map { Int($0) }), valid: \(checked))")
}

measure("isValid(jsonText:) [parse + validate]") {
    var valid = 0
    for line in lines where validator.isValid(jsonText: line) { valid += 1 }
    return valid
}

let parsed = lines.compactMap { try? JSONParser.parse($0) }
measure("isValid(JSONValue) [validate only]") {
    var valid = 0
    for value in parsed where validator.isValid(value) { valid += 1 }
    return valid
}

measure("JSONParser.parse [parse only]") {
    var count = 0
    for line in lines where (try? JSONParser.parse(line)) != nil { count += 1 }
    return count
}

measure("validate(JSONValue) [all errors collected]") {
    var valid = 0
    for value in parsed where validator.validate(value).isEmpty { valid += 1 }
    return valid
}
