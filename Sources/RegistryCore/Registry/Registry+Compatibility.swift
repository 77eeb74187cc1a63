extension Registry {
    public func checkCompatibility(subject: String, version: VersionSelector?, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> CompatibilityVerdict {
        let prepared = try prepare(submission, normalize: normalize)
        let (level, against) = try read { (s: borrowing RegistryState) throws(RegistryError) in
            let live = s.liveVersions(subject)
            let against: [RegistryState.Version]
            switch version {
            case nil:
                against = live.reversed()
            case .latest?:
                // Confluent answers "compatible" for `latest` of a subject with nothing registered.
                against = live.last.map { [$0] } ?? []
            case .number(let n)?:
                guard let entry = live.first(where: { $0.version == n }) else { throw RegistryError.versionNotFound(String(n)) }
                against = [entry]
            }
            return (s.effectiveLevel(subject), against)
        }
        // A single named version is checked alone even under a transitive level, as Confluent does.
        return try verdict(for: prepared, level: level, against: against, transitive: version == nil ? level.isTransitive : true)
    }

    /// Checks `new` against `against` (newest first) in the level's directions. Transitive walks all of them and
    /// stops at the first incompatible version; otherwise only the newest counts.
    func verdict(for new: PreparedSchema, level: CompatibilityLevel, against: [RegistryState.Version], transitive: Bool) throws(RegistryError) -> CompatibilityVerdict {
        guard level != .none else { return CompatibilityVerdict(isCompatible: true) }
        for old in transitive ? against : Array(against.prefix(1)) {
            let (issues, lines) = try issues(new: new, oldID: old.schemaID, level: level)
            guard issues.isEmpty else {
                let oldText = try read { (s: borrowing RegistryState) in s.schemas[old.schemaID]?.schema.schema ?? "" }
                return CompatibilityVerdict(
                    isCompatible: false, issues: issues,
                    messages: lines + CompatibilityMessages.trailer(oldVersion: old.version, oldSchema: oldText, level: level))
            }
        }
        return CompatibilityVerdict(isCompatible: true)
    }

    /// The issues against one old version, with their verbose lines (which need the direction each was found in).
    private func issues(new: PreparedSchema, oldID: Int, level: CompatibilityLevel) throws(RegistryError) -> ([CompatibilityIssue], [String]) {
        let oldType = try read { (s: borrowing RegistryState) in s.schemas[oldID]?.schema.schemaType }
        guard oldType == new.identity.schemaType else {
            let issue = CompatibilityIssue(kind: "SCHEMA_TYPE_MISMATCH", location: "", message: CompatibilityMessages.differentSchemaType)
            return ([issue], [CompatibilityMessages.differentSchemaType])
        }
        let old = try parsedSchema(id: oldID)
        var issues: [CompatibilityIssue] = []
        var lines: [String] = []
        if level.checksBackward {
            let found = new.parsed.incompatibilities(readingDataWrittenWith: old)
            issues += found
            lines += found.map { CompatibilityMessages.line($0, readerIsNew: true) }
        }
        if level.checksForward {
            let found = old.incompatibilities(readingDataWrittenWith: new.parsed)
            issues += found
            lines += found.map { CompatibilityMessages.line($0, readerIsNew: false) }
        }
        return (issues, lines)
    }
}
