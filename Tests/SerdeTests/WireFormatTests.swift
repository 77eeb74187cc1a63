import Serde
import Testing

@Suite struct WireFormatTests {
    @Test func headerIsMagicZeroThenBigEndianID() throws {
        let framed = ConfluentFraming.frame(schemaID: 0x0102_0304, payload: [0xAA, 0xBB])
        #expect(framed == [0x00, 0x01, 0x02, 0x03, 0x04, 0xAA, 0xBB])
        let (id, offset) = try ConfluentFraming.parseHeader(framed)
        #expect(id == 0x0102_0304)
        #expect(offset == 5)
    }

    @Test func emptyPayloadStillHasTheHeader() throws {
        let framed = ConfluentFraming.frame(schemaID: 7, payload: [])
        #expect(framed == [0, 0, 0, 0, 7])
        #expect(try ConfluentFraming.parseHeader(framed).schemaID == 7)
    }

    @Test func shortInputAndOtherMagicBytesAreRefused() {
        #expect(throws: SerdeError.self) { try ConfluentFraming.parseHeader([0, 0, 0, 1]) }
        #expect(throws: SerdeError.self) { try ConfluentFraming.parseHeader([UInt8]()) }
        // 0x01 is Confluent 8's GUID framing, not this one.
        let error = #expect(throws: SerdeError.self) { try ConfluentFraming.parseHeader([1, 0, 0, 0, 1, 2]) }
        guard case .notFramed(let message)? = error else {
            Issue.record("expected notFramed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("magic byte 1"))
    }

    @Test func subjectNameStrategies() throws {
        #expect(try SubjectNameStrategy.topicName.subject(topic: "orders", isKey: false, recordName: "shop.Order") == "orders-value")
        #expect(try SubjectNameStrategy.topicName.subject(topic: "orders", isKey: true, recordName: nil) == "orders-key")
        #expect(try SubjectNameStrategy.recordName.subject(topic: "orders", isKey: false, recordName: "shop.Order") == "shop.Order")
        #expect(try SubjectNameStrategy.topicRecordName.subject(topic: "orders", isKey: true, recordName: "shop.Order") == "orders-shop.Order")
        #expect(throws: SerdeError.self) { try SubjectNameStrategy.recordName.subject(topic: "orders", isKey: false, recordName: nil) }
    }
}
