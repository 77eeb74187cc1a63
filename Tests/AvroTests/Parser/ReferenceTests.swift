import Testing
@testable import Avro

@Suite struct ReferenceTests {
    let address = #"{"type":"record","name":"Address","namespace":"com.shop","fields":[{"name":"city","type":"string"}]}"#
    let customer = #"{"type":"record","name":"Customer","namespace":"com.shop","fields":[{"name":"home","type":"Address"}]}"#

    @Test func referencedNamesBecomeVisible() throws {
        let parsed = try AvroSchemaParser.parse(
            #"{"type":"record","name":"Order","namespace":"com.shop","fields":[{"name":"buyer","type":"Customer"},{"name":"ship","type":"com.shop.Address"}]}"#,
            references: [address, customer])
        #expect(parsed.names[AvroName(fullName: "com.shop.Address")] != nil)
        #expect(parsed.names[AvroName(fullName: "com.shop.Customer")] != nil)
        // The canonical form has no references: the first use expands the referenced definition.
        #expect(parsed.parsingCanonicalForm.contains(#"{"name":"com.shop.Customer","type":"record","fields":[{"name":"home","type":{"name":"com.shop.Address""#))
    }

    @Test func referencesMustComeDependenciesFirst() {
        guard let error = schemaParseError(#""int""#, references: [customer, address]) else { return }
        #expect(error.message.contains("in reference 0"))
        #expect(error.message.contains("unknown type 'Address'"))
        #expect(error.path == "/fields/0/type")
    }

    @Test func identicalSharedDependencyMayRepeat() throws {
        _ = try AvroSchemaParser.parse(#""com.shop.Address""#, references: [address, address])
        let different = #"{"type":"record","name":"Address","namespace":"com.shop","fields":[{"name":"zip","type":"string"}]}"#
        guard let error = schemaParseError(#""int""#, references: [address, different]) else { return }
        #expect(error.message.contains("defined differently"))
    }

    @Test func schemaMayNotRedefineAReferencedType() {
        expectSchemaRejected(address, at: "/name", mentioning: "already defined by a referenced schema", references: [address])
    }

    @Test func missingReferenceIsAnUnknownType() {
        expectSchemaRejected(customer, at: "/fields/0/type", mentioning: "unknown type 'Address'")
    }
}
