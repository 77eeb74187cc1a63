#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Kafka
import Serde

/// The `produce` loop for a regular file, with the encoding spread over two cores: lines are read in pairs of
/// chunks, one chunk is validated and encoded on a child task while this task does the other, then both are
/// handed to librdkafka in input order, so records keep the file's order within a partition. Reports,
/// rejections and stop reasons are those of the line-by-line loop (stdin keeps that one: a chunk would wait
/// for lines that may be slow to come).
struct ChunkedProduce {
    static let chunkSize = 1024

    /// Only a regular file is read in chunks: a pipe or terminal may deliver lines slowly, and each line
    /// should go out when it comes.
    static func isRegularFile(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    let reader: LineReader
    let kafka: KafkaProducer
    let interruption: Interruption
    /// Describes a failed delivery for the stop reason (`ProduceCommand.deliveryFailure`).
    let deliveryFailure: (KafkaProducer) -> String?
    /// Describes a Kafka error that stops the run.
    let stopText: (KafkaError) -> String

    func run(writer: inout TopicWriter, tally: inout ProduceTally, meter: inout Progress) async throws(CLIFailure) {
        var helper = writer
        var atEnd = false
        while !atEnd {
            var first = LineChunk()
            var second = LineChunk()
            atEnd = try fill(&first, tally: &tally, meter: &meter)
            if !atEnd {
                atEnd = try fill(&second, tally: &tally, meter: &meter)
            }
            if first.count == 0 && second.count == 0 {
                break
            }
            async let encodedFirst = Self.encode(first, with: helper)
            var secondBatch = EncodedBatch()
            second.forEachLine { writer.encode(json: $0, into: &secondBatch) }
            let (usedHelper, firstBatch) = await encodedFirst
            helper = usedHelper

            var batch = firstBatch
            if await !handOver(&batch, lines: first, after: [second], writer: writer, tally: &tally) {
                return
            }
            batch = secondBatch
            if await !handOver(&batch, lines: second, after: [], writer: writer, tally: &tally) {
                return
            }
        }
    }

    /// Reads lines into `chunk` until it is full; true at the end of the input or on an interruption.
    private func fill(_ chunk: inout LineChunk, tally: inout ProduceTally, meter: inout Progress) throws(CLIFailure) -> Bool {
        while chunk.count < Self.chunkSize {
            guard let line = try reader.next() else {
                return true
            }
            if interruption.signalNumber != nil {
                tally.stopReason = "interrupted by \(interruption.name) before line \(reader.lineNumber)"
                return true
            }
            tally.read += 1
            meter.update(tally.read)
            if line.isBlank {
                tally.blank += 1
                chunk.appendBlank(number: reader.lineNumber)
            } else {
                chunk.append(line, number: reader.lineNumber)
            }
        }
        return false
    }

    private static func encode(_ lines: LineChunk, with writer: TopicWriter) async -> (TopicWriter, EncodedBatch) {
        var writer = writer
        var batch = EncodedBatch()
        lines.forEachLine { writer.encode(json: $0, into: &batch) }
        return (writer, batch)
    }

    /// Hands the batch over in order; false when the run stops, with `tally` set as if reading had stopped at
    /// that line (lines read beyond it, in `lines` or in the chunks `after`, are uncounted).
    private func handOver(_ batch: inout EncodedBatch, lines: LineChunk, after: [LineChunk], writer: TopicWriter, tally: inout ProduceTally) async -> Bool {
        while !batch.isFinished {
            let line = lines.lineNumbers[batch.position]
            var stop: String?
            do {
                if try !writer.tryEnqueue(from: &batch) {
                    try await writer.waitForQueueSpace()
                    continue
                }
                tally.enqueued += 1
            } catch let error as Serde.ValidationError {
                tally.reject(line: line, error)
            } catch let error as KafkaError where error.code == .messageSizeTooLarge {
                tally.reject(line: line, error)
            } catch let error as KafkaError {
                stop = "line \(line): \(stopText(error))"
            } catch {
                stop = "line \(line): \(error)"
            }
            if stop == nil, tally.enqueued & 1023 == 0, let failure = deliveryFailure(kafka) {
                stop = "stopped reading at line \(line): \(failure)"
            }
            if let stop {
                tally.stopReason = stop
                let blanksBeyond = ([lines] + after).reduce(0) { $0 + $1.blankLineNumbers.filter { $0 > line }.count }
                tally.blank -= blanksBeyond
                tally.read = line
                return false
            }
        }
        return true
    }
}
