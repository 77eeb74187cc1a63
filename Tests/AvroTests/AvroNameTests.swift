import Testing
@testable import Avro

@Suite struct AvroNameTests {
    @Test func splitsFullNames() {
        let name = AvroName(fullName: "com.example.Order")
        #expect(name.name == "Order")
        #expect(name.namespace == "com.example")
        #expect(AvroName(name: "X", namespace: "").fullName == "X")
    }
}
