/// An earlier version the new schema is not compatible with, and why.
public struct AvroVersionIncompatibility: Sendable, Hashable {
    /// Index into the `previous` array passed to the check (oldest first).
    public var previousIndex: Int
    public var direction: AvroCompatibilityDirection
    /// Locations point into whichever schema was the reader: the new schema for `.backward`, the earlier
    /// version for `.forward`.
    public var incompatibilities: [AvroIncompatibility]

    public init(previousIndex: Int, direction: AvroCompatibilityDirection, incompatibilities: [AvroIncompatibility]) {
        self.previousIndex = previousIndex
        self.direction = direction
        self.incompatibilities = incompatibilities
    }
}

/// The outcome of checking a new schema against earlier versions under a compatibility level.
public struct AvroCompatibilityReport: Sendable, Hashable {
    public var level: AvroCompatibilityLevel
    /// Indexes into `previous` that were checked, oldest first.
    public var checkedVersions: [Int]
    /// Failing versions, oldest first (for each version, backward before forward).
    public var failures: [AvroVersionIncompatibility]

    public var isCompatible: Bool { failures.isEmpty }
}

extension AvroCompatibility {
    /// Checks `newSchema` against `previous` (oldest first) as `level` requires: transitive levels check every
    /// version, the others only the latest. With no earlier version there is nothing to check, so the result is
    /// compatible; whether that is an error (Confluent answers 404) is the registry's call.
    public static func check(
        level: AvroCompatibilityLevel,
        newSchema: AvroParsedSchema,
        previous: [AvroParsedSchema]
    ) -> AvroCompatibilityReport {
        let checked: [Int]
        if level == .none || previous.isEmpty {
            checked = []
        } else if level.isTransitive {
            checked = Array(previous.indices)
        } else {
            checked = [previous.count - 1]
        }
        var failures: [AvroVersionIncompatibility] = []
        for index in checked {
            for direction in level.directions {
                let reasons: [AvroIncompatibility]
                switch direction {
                case .backward: reasons = check(reader: newSchema, writer: previous[index])
                case .forward: reasons = check(reader: previous[index], writer: newSchema)
                }
                if !reasons.isEmpty {
                    failures.append(AvroVersionIncompatibility(previousIndex: index, direction: direction, incompatibilities: reasons))
                }
            }
        }
        return AvroCompatibilityReport(level: level, checkedVersions: checked, failures: failures)
    }
}
