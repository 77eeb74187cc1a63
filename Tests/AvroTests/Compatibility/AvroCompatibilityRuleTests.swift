import Testing
import JSONValue
@testable import Avro

@Suite struct AvroCompatibilityRuleTests {
    private func reasons(reader: AvroSchema, writer: AvroSchema) -> [AvroIncompatibility] {
        AvroCompatibility.check(reader: SchemaBuilder.parsed(reader), writer: SchemaBuilder.parsed(writer))
    }

    @Test func primitivePromotionsFollowTheSpecification() {
        let primitives: [AvroSchema] = [.null, .boolean, .int(nil), .long(nil), .float, .double, .bytes(nil), .string(nil)]
        let allowed: Set<String> = ["int>long", "int>float", "int>double", "long>float", "long>double",
                                    "float>double", "string>bytes", "bytes>string"]
        for writer in primitives {
            for reader in primitives {
                let found = reasons(reader: reader, writer: writer)
                let expectCompatible = reader.typeName == writer.typeName || allowed.contains("\(writer.typeName)>\(reader.typeName)")
                #expect(found.isEmpty == expectCompatible, "\(writer.typeName) read as \(reader.typeName)")
                if !expectCompatible {
                    #expect(found.map(\.type) == [.typeMismatch])
                    #expect(found.first?.location == "/")
                }
            }
        }
    }

    @Test func missingReaderFieldWithoutDefaultNamesTheField() {
        let writer = SchemaBuilder.record("Order", SchemaBuilder.field("id", .long(nil)))
        let reader = SchemaBuilder.record("Order", SchemaBuilder.field("id", .long(nil)), SchemaBuilder.field("coupon_code", .string(nil)))
        let found = reasons(reader: reader, writer: writer)
        #expect(found.count == 1)
        #expect(found.first?.type == .readerFieldMissingDefaultValue)
        #expect(found.first?.location == "/fields/1")
        #expect(found.first?.message.contains("`coupon_code`") == true)
        #expect(found.first?.hint?.contains("Add a default to field `coupon_code`") == true)

        let withDefault = SchemaBuilder.record("Order", SchemaBuilder.field("id", .long(nil)),
                                       SchemaBuilder.field("coupon_code", .union([.null, .string(nil)]), default: .null))
        #expect(reasons(reader: withDefault, writer: writer).isEmpty)
        // Dropping a field is always readable: the reader skips what it does not know.
        #expect(reasons(reader: writer, writer: withDefault).isEmpty)
    }

    @Test func readerFieldAliasesMatchButWriterAliasesDoNot() {
        let old = SchemaBuilder.record("R", SchemaBuilder.field("time", .long(nil)))
        let renamed = SchemaBuilder.record("R", SchemaBuilder.field("date", .long(nil), aliases: ["time"]))
        #expect(reasons(reader: renamed, writer: old).isEmpty)
        let found = reasons(reader: old, writer: renamed)
        #expect(found.map(\.type) == [.readerFieldMissingDefaultValue])
    }

    @Test func fieldsMatchWhateverTheirOrderAndAnAliasMayReuseAClaimedWriterField() {
        let fieldNames = (0..<80).map { "f\($0)" }
        let writer = SchemaBuilder.record("R", fieldNames.map { SchemaBuilder.field($0, .int(nil)) })
        let reversed = SchemaBuilder.record("R", fieldNames.reversed().map { SchemaBuilder.field($0, .long(nil)) })
        #expect(reasons(reader: reversed, writer: writer).isEmpty)
        // Every writer field is already matched by name when `copy` is reached; its alias still finds `f3`.
        let withCopy = SchemaBuilder.record("R", fieldNames.map { SchemaBuilder.field($0, .int(nil)) }
            + [SchemaBuilder.field("copy", .string(nil), aliases: ["f3"])])
        let found = reasons(reader: withCopy, writer: writer)
        #expect(found.map(\.location) == ["/fields/80/type"])
        #expect(found.map(\.type) == [.typeMismatch])
    }

    @Test func namedTypesMatchByUnqualifiedNameOrReaderAlias() {
        #expect(reasons(reader: SchemaBuilder.fixed("a.Hash", size: 16), writer: SchemaBuilder.fixed("b.Hash", size: 16)).isEmpty)
        #expect(reasons(reader: SchemaBuilder.enumeration("New", ["A"], aliases: ["Old"]), writer: SchemaBuilder.enumeration("Old", ["A"])).isEmpty)
        #expect(reasons(reader: SchemaBuilder.record("ns2.New", aliases: ["ns1.Old"]), writer: SchemaBuilder.record("ns1.Old")).isEmpty)
        // An alias must name the writer's full name; "ns2.Old" is not "ns1.Old".
        let found = reasons(reader: SchemaBuilder.record("ns2.New", aliases: ["ns2.Old"]), writer: SchemaBuilder.record("ns1.Old"))
        #expect(found.map(\.type) == [.nameMismatch])
        #expect(found.first?.location == "/name")
        #expect(found.first?.hint?.contains("\"ns1.Old\"") == true)
    }

    @Test func enumSymbolsMissingFromReaderFailUnlessItHasADefault() {
        let writer = SchemaBuilder.enumeration("Suit", ["HEARTS", "SPADES", "CLUBS", "DIAMONDS"])
        let found = reasons(reader: SchemaBuilder.enumeration("Suit", ["HEARTS", "CLUBS"]), writer: writer)
        #expect(found.map(\.type) == [.missingEnumSymbols])
        #expect(found.first?.location == "/symbols")
        #expect(found.first?.message.contains("`SPADES`, `DIAMONDS`") == true)
        #expect(reasons(reader: SchemaBuilder.enumeration("Suit", ["HEARTS", "UNKNOWN"], default: "UNKNOWN"), writer: writer).isEmpty)
        #expect(reasons(reader: writer, writer: SchemaBuilder.enumeration("Suit", ["HEARTS"])).isEmpty)
    }

    @Test func fixedNeedsSameSizeAndName() {
        let found = reasons(reader: SchemaBuilder.fixed("F", size: 4), writer: SchemaBuilder.fixed("G", size: 8))
        #expect(found.map(\.type) == [.nameMismatch, .fixedSizeMismatch])
        #expect(found.map(\.location) == ["/name", "/size"])
    }

    @Test func unionsInEveryDirection() {
        let nullableInt = AvroSchema.union([.null, .int(nil)])
        // Non-union writer into a reader union: some branch must read it.
        #expect(reasons(reader: nullableInt, writer: .int(nil)).isEmpty)
        #expect(reasons(reader: .union([.null, .long(nil)]), writer: .int(nil)).isEmpty)
        let noBranch = reasons(reader: nullableInt, writer: .string(nil))
        #expect(noBranch.map(\.type) == [.missingUnionBranch])
        #expect(noBranch.first?.location == "/")
        // Union writer into a non-union reader: every writer branch must be readable, each reported at its index.
        let fromUnion = reasons(reader: .int(nil), writer: nullableInt)
        #expect(fromUnion.map(\.type) == [.typeMismatch])
        #expect(fromUnion.first?.location == "/0")
        #expect(reasons(reader: .long(nil), writer: .union([.int(nil), .long(nil)])).isEmpty)
        // Union to union: each writer branch needs a reader branch.
        let lacking = reasons(reader: .union([.int(nil)]), writer: .union([.int(nil), .string(nil), .boolean]))
        #expect(lacking.map(\.type) == [.missingUnionBranch, .missingUnionBranch])
        #expect(lacking.map(\.location) == ["/1", "/2"])
        #expect(reasons(reader: .union([]), writer: .union([])).isEmpty)
    }

    @Test func readerUnionPicksTheBranchByNameNotByStructure() {
        let xy = [SchemaBuilder.field("x", .double), SchemaBuilder.field("y", .double)]
        let writer = AvroSchema.record(AvroRecord(name: AvroName(fullName: "written.Point"), fields: xy))
        let point2D = AvroSchema.record(AvroRecord(name: AvroName(fullName: "Point2D"), fields: xy))
        let point = AvroSchema.record(AvroRecord(name: AvroName(fullName: "Point"), fields: xy + [SchemaBuilder.field("z", .double)]))
        let found = reasons(reader: .union([.null, point, point2D]), writer: writer)
        #expect(found.map(\.type) == [.missingUnionBranch])
        // The near miss is explained: branch 1 matched by name but its field z has no default.
        #expect(found.first?.message.contains("branch 1") == true)
        #expect(found.first?.message.contains("`z`") == true)
        #expect(found.first?.hint?.contains("`z`") == true)
    }

    @Test func nestedLocationsFollowJavaAvro() {
        let reader = SchemaBuilder.record("R",
            SchemaBuilder.field("tags", .array(.int(nil))),
            SchemaBuilder.field("attributes", .map(.string(nil))),
            SchemaBuilder.field("choice", .union([.boolean])))
        let writer = SchemaBuilder.record("R",
            SchemaBuilder.field("tags", .array(.long(nil))),
            SchemaBuilder.field("attributes", .map(.boolean)),
            SchemaBuilder.field("choice", .union([.boolean, .double])))
        let found = reasons(reader: reader, writer: writer)
        #expect(found.map(\.location) == ["/fields/0/type/items", "/fields/1/type/values", "/fields/2/type/1"])
        #expect(found.map(\.type) == [.typeMismatch, .typeMismatch, .missingUnionBranch])
        #expect(found.first?.message.contains("`tags[]`") == true)
    }

    @Test func recursiveTypesTerminateAndStillReportFailures() {
        let readerList = SchemaBuilder.record("List", SchemaBuilder.field("head", .int(nil)), SchemaBuilder.field("tail", .union([.null, .reference(AvroName(fullName: "List"))])))
        let writerList = SchemaBuilder.record("List", SchemaBuilder.field("head", .long(nil)), SchemaBuilder.field("tail", .union([.null, .reference(AvroName(fullName: "List"))])))
        let found = reasons(reader: readerList, writer: writerList)
        #expect(found.map(\.type) == [.typeMismatch])
        #expect(found.first?.location == "/fields/0/type")
        #expect(reasons(reader: readerList, writer: readerList).isEmpty)
    }

    @Test func aNamedPairSeenTwiceIsReportedAtBothPlaces() {
        let readerAddress = SchemaBuilder.record("Address", SchemaBuilder.field("zip", .int(nil)))
        let writerAddress = SchemaBuilder.record("Address", SchemaBuilder.field("zip", .string(nil)))
        let addressRef = AvroSchema.reference(AvroName(fullName: "Address"))
        let reader = SchemaBuilder.record("Customer", SchemaBuilder.field("home", readerAddress), SchemaBuilder.field("work", addressRef))
        let writer = SchemaBuilder.record("Customer", SchemaBuilder.field("home", writerAddress), SchemaBuilder.field("work", addressRef))
        let found = reasons(reader: reader, writer: writer)
        #expect(found.map(\.location) == ["/fields/0/type/fields/0/type", "/fields/1/type/fields/0/type"])
        #expect(found.last?.message.contains("`work.zip`") == true)
    }

    @Test func logicalTypesDeferToTheirUnderlyingTypesExceptDecimals() {
        #expect(reasons(reader: .long(.timestampMillis), writer: .int(.date)).isEmpty)
        #expect(reasons(reader: .string(nil), writer: .string(.uuid)).isEmpty)
        #expect(reasons(reader: .int(.date), writer: .long(.timestampMillis)).map(\.type) == [.typeMismatch])
        let bytesDecimal = AvroSchema.bytes(.decimal(precision: 4, scale: 2))
        #expect(reasons(reader: bytesDecimal, writer: SchemaBuilder.fixed("D", size: 2, logical: .decimal(precision: 4, scale: 2))).isEmpty)
        #expect(reasons(reader: bytesDecimal, writer: SchemaBuilder.fixed("D", size: 2, logical: .decimal(precision: 4, scale: 4))).map(\.type) == [.typeMismatch])
        #expect(reasons(reader: .bytes(.decimal(precision: 9, scale: 1)), writer: bytesDecimal).isEmpty)
    }
}

@Suite struct AvroCompatibilityDepthTests {
    /// Named types used by reference chain without bound in JSON depth: here each side defines R0...R1000 in
    /// fields the other side lacks (so they are not compared there), then compares R1000 with R1000.
    /// The checker must stop, not overflow the stack, and must not call the pair compatible.
    @Test func referenceChainsDeeperThanTheLimitAreRejectedNotCrashed() {
        func side(_ prefix: String) -> AvroParsedSchema {
            var fields = [AvroField(name: "\(prefix)0", type: SchemaBuilder.record("R0", SchemaBuilder.field("v", .int(nil))), defaultValue: .null)]
            for level in 1...1_000 {
                let record = SchemaBuilder.record("R\(level)", SchemaBuilder.field("inner", .reference(AvroName(fullName: "R\(level - 1)"))))
                fields.append(AvroField(name: "\(prefix)\(level)", type: record, defaultValue: .null))
            }
            fields.append(AvroField(name: "top", type: .reference(AvroName(fullName: "R1000"))))
            return SchemaBuilder.parsed(.record(AvroRecord(name: AvroName(fullName: "Root"), fields: fields)))
        }
        let found = AvroCompatibility.check(reader: side("a"), writer: side("b"))
        #expect(found.count == 1)
        #expect(found.first?.type == .typeMismatch)
        #expect(found.first?.message.contains("levels deep") == true)

        let shallow = SchemaBuilder.parsed(SchemaBuilder.record("Root", SchemaBuilder.field("a", SchemaBuilder.record("A", SchemaBuilder.field("b", .int(nil))))))
        #expect(AvroCompatibility.check(reader: shallow, writer: shallow).isEmpty)
    }
}
