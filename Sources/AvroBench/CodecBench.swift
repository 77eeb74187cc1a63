import Avro
#if canImport(Glibc)
import Glibc
#endif

/// Records per second of the Avro codec on the shared Order corpus, one core. Input: JSON lines from
/// /work/shared/bench/gen_orders.py in `ORDERS_JSONL` (default /tmp/orders-1m.jsonl). The schema comes from
/// `$SHARED_DIR/bench/order.avsc` (default ../shared beside the repository). `CODEC_DUMP=path` also writes the
/// first 10,000 encodings (4-byte little-endian length, then the bytes) for scripts/bench/fastavro_crosscheck.py.
enum CodecBench {
    static let runs = 3

    static func run() throws {
        let ordersPath = env("ORDERS_JSONL") ?? "/tmp/orders-1m.jsonl"
        let sharedDir = env("SHARED_DIR") ?? repositoryRoot() + "/../shared"
        guard let schemaBytes = readFile(sharedDir + "/bench/order.avsc"), let jsonl = readFile(ordersPath) else {
            print("codec: skipped, need \(sharedDir)/bench/order.avsc and \(ordersPath) (python3 gen_orders.py 1000000 > \(ordersPath))")
            return
        }
        let codec = try AvroCodec(AvroSchemaParser.parse(String(decoding: schemaBytes, as: UTF8.self)))
        let lines = splitLines(jsonl)
        print("codec: \(lines.count) records from \(ordersPath)")

        var binaries: [[UInt8]] = []
        binaries.reserveCapacity(lines.count)
        for line in lines { binaries.append(try codec.encode(json: line)) }
        let totalBytes = binaries.reduce(0) { $0 + $1.count }
        print("codec: average binary size \(Double(totalBytes) / Double(binaries.count)) bytes")
        if let dump = env("CODEC_DUMP") { writeDump(binaries.prefix(10_000), to: dump) }

        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)
        measure("validate+encode from JSON lines", count: lines.count) {
            for line in lines {
                buffer.removeAll(keepingCapacity: true)
                try codec.encode(json: line, into: &buffer)
            }
        }
        measure("validate binary", count: binaries.count) {
            for binary in binaries { try codec.validate(binary) }
        }
        var values: [AvroValue] = []
        values.reserveCapacity(binaries.count)
        for binary in binaries { values.append(try codec.decode(binary)) }
        checkValueEncoding(codec, values, binaries)
        measure("decode binary to AvroValue", count: binaries.count) {
            for binary in binaries { _ = try codec.decode(binary) }
        }
        measure("validate+encode from AvroValue", count: values.count) {
            for value in values {
                buffer.removeAll(keepingCapacity: true)
                try codec.encode(value, into: &buffer)
            }
        }
        measure("decode binary to JSON text (plain)", count: binaries.count) {
            for binary in binaries { _ = try codec.decodeJSON(binary) }
        }
    }

    /// The value encoder against the JSON path's bytes: every value must decode back to itself; bytes match
    /// except where a map has several entries (a `Dictionary` iterates in hash order, JSON in text order).
    private static func checkValueEncoding(_ codec: AvroCodec, _ values: [AvroValue], _ binaries: [[UInt8]]) {
        var identical = 0
        var roundTrips = 0
        for (value, binary) in zip(values, binaries) {
            guard let encoded = try? codec.encode(value) else { continue }
            if encoded == binary { identical += 1 }
            if let back = try? codec.decode(encoded), back == value { roundTrips += 1 }
        }
        print("codec: value encoder check: decodes back equal \(roundTrips)/\(values.count), byte-identical to the JSON path \(identical)/\(values.count)")
    }

    /// Median of `runs` timed runs after one untimed warm-up. Rates are per second of this thread's CPU time:
    /// the machine is shared, and wall time would mostly measure the neighbours; wall rates are printed too.
    private static func measure(_ label: String, count: Int, _ body: () throws -> Void) {
        // `CODEC_ONLY=substring` limits the run to matching measurements (handy under a profiler).
        if let only = env("CODEC_ONLY"), !label.contains(only) { return }
        do {
            try body()
            var rates: [Double] = []
            var wallRates: [Double] = []
            for _ in 0..<runs {
                let cpuStart = threadCPUSeconds()
                let elapsed = ContinuousClock().measure { try? body() }
                let cpu = threadCPUSeconds() - cpuStart
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                rates.append(Double(count) / cpu)
                wallRates.append(Double(count) / seconds)
            }
            rates.sort()
            wallRates.sort()
            print("codec: \(label): \(Int(rates[runs / 2])) records/s per CPU-second (median of \(runs): \(rates.map { Int($0) })); wall median \(Int(wallRates[runs / 2]))/s")
        } catch {
            print("codec: \(label): failed: \(error)")
        }
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func env(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    private static func repositoryRoot() -> String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Sources/AvroBench/CodecBench.swift
        return parts.joined(separator: "/")
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read <= 0 { break }
            bytes.append(contentsOf: chunk[0..<read])
        }
        return bytes
    }

    private static func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if index > start { lines.append(Array(bytes[start..<index])) }
            start = index + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        return lines
    }

    private static func writeDump(_ binaries: ArraySlice<[UInt8]>, to path: String) {
        guard let file = fopen(path, "wb") else { return }
        defer { fclose(file) }
        for binary in binaries {
            var length = UInt32(binary.count).littleEndian
            _ = withUnsafeBytes(of: &length) { fwrite($0.baseAddress, 1, 4, file) }
            _ = binary.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        }
    }
}
