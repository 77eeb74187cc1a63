extension Registry {
    public func deleteSubject(_ subject: String, permanent: Bool) async throws(RegistryError) -> [Int] {
        try await writer.run { [self] in
            Result { () throws(RegistryError) -> [Int] in
                let operations = try read { (s: borrowing RegistryState) throws(RegistryError) -> ([StoreOperation], [Int]) in
                    try Self.planSubjectDelete(subject, permanent: permanent, in: s)
                }
                try commit(operations.0)
                return operations.1
            }
        }
    }

    public func deleteVersion(subject: String, _ version: VersionSelector, permanent: Bool) async throws(RegistryError) -> Int {
        try await writer.run { [self] in
            Result { () throws(RegistryError) -> Int in
                let operations = try read { (s: borrowing RegistryState) throws(RegistryError) -> ([StoreOperation], Int) in
                    try Self.planVersionDelete(subject, version, permanent: permanent, in: s)
                }
                try commit(operations.0)
                return operations.1
            }
        }
    }

    static func refuseReadOnly(_ subject: String?, in s: borrowing RegistryState) throws(RegistryError) {
        let mode = s.effectiveMode(subject)
        if mode == .readOnly || mode == .readOnlyOverride {
            throw .operationNotPermitted(subject.map { "Subject \($0) is in read-only mode" } ?? "The registry is in read-only mode")
        }
    }

    /// Soft: marks every live version deleted (40404 when none is left). Permanent: only after soft (40405);
    /// removes versions, orphaned schemas, and the subject's config and mode.
    static func planSubjectDelete(_ subject: String, permanent: Bool, in s: borrowing RegistryState) throws(RegistryError) -> ([StoreOperation], [Int]) {
        try refuseReadOnly(subject, in: s)
        guard let all = s.subjects[subject], !all.isEmpty else { throw .subjectNotFound(subject) }
        let live = all.filter { !$0.deleted }
        if permanent {
            guard live.isEmpty else { throw .subjectNotSoftDeleted(subject) }
        } else {
            guard !live.isEmpty else { throw .subjectSoftDeleted(subject) }
        }
        let targets = permanent ? all : live
        // References from within the subject itself do not hold it back.
        let ownIDs = Set(all.map(\.schemaID))
        for entry in targets {
            let outside = s.liveReferrers(subject: subject, version: entry.version).filter { id in
                !ownIDs.contains(id) || (s.usages[id] ?? []).contains { $0.subject != subject }
            }
            guard outside.isEmpty else { throw .referenceExists(subject: subject, version: entry.version) }
        }
        var operations: [StoreOperation] = []
        if permanent {
            for entry in targets.reversed() {
                operations.append(.deleteVersion(subject: subject, version: entry.version))
            }
            for id in Set(targets.map(\.schemaID)).sorted() where (s.usages[id] ?? []).allSatisfy({ $0.subject == subject }) {
                operations.append(.deleteSchema(id: id))
            }
            if s.subjectLevels[subject] != nil { operations.append(.setCompatibility(subject: subject, level: nil)) }
            if s.subjectModes[subject] != nil { operations.append(.setMode(subject: subject, mode: nil)) }
        } else {
            operations = targets.map { .putVersion(VersionRow(subject: subject, version: $0.version, schemaID: $0.schemaID, deleted: true)) }
        }
        return (operations, targets.map(\.version))
    }

    /// Soft: 40406 when already soft-deleted. Permanent: only after soft (40407). Refused while a live schema
    /// references the version (42206).
    static func planVersionDelete(_ subject: String, _ selector: VersionSelector, permanent: Bool, in s: borrowing RegistryState) throws(RegistryError) -> ([StoreOperation], Int) {
        try refuseReadOnly(subject, in: s)
        guard let all = s.subjects[subject], !all.isEmpty else { throw .subjectNotFound(subject) }
        let entry: RegistryState.Version
        switch selector {
        case .latest:
            // `latest` names the newest live version; a permanent delete may follow a soft one of it.
            guard let latest = all.last(where: { !$0.deleted }) ?? (permanent ? all.last : nil) else {
                throw .subjectNotFound(subject)
            }
            entry = latest
        case .number(let n):
            guard let found = all.first(where: { $0.version == n }) else { throw .versionNotFound(String(n)) }
            entry = found
        }
        if permanent {
            guard entry.deleted else { throw .versionNotSoftDeleted(subject: subject, version: entry.version) }
        } else {
            guard !entry.deleted else { throw .versionSoftDeleted(subject: subject, version: entry.version) }
        }
        guard s.liveReferrers(subject: subject, version: entry.version).isEmpty else {
            throw .referenceExists(subject: subject, version: entry.version)
        }
        if permanent {
            var operations: [StoreOperation] = [.deleteVersion(subject: subject, version: entry.version)]
            let others = (s.usages[entry.schemaID] ?? []).filter { $0.subject != subject || $0.version != entry.version }
            if others.isEmpty { operations.append(.deleteSchema(id: entry.schemaID)) }
            return (operations, entry.version)
        }
        return ([.putVersion(VersionRow(subject: subject, version: entry.version, schemaID: entry.schemaID, deleted: true))], entry.version)
    }
}
