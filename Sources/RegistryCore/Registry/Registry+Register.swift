extension Registry {
    public func register(subject: String, _ submission: SchemaSubmission, normalize: Bool) async throws(RegistryError) -> SubjectVersion {
        try SubjectName.validate(subject)
        // Fast path, no writer: the identical schema is already live here and nothing asks for ids or versions.
        if submission.id == nil, submission.version == nil {
            let identity = try identity(of: submission, normalize: normalize)
            if let existing = try read({ (s: borrowing RegistryState) -> SubjectVersion? in
                s.effectiveMode(subject) == .readWrite ? Self.liveMatch(identity, subject: subject, in: s) : nil
            }) {
                return existing
            }
        }
        let prepared = try prepare(submission, normalize: normalize)
        return try await writer.run { [self] in
            Result { () throws(RegistryError) -> SubjectVersion in
                try registerOnWriter(subject: subject, submission, prepared: prepared, normalize: normalize)
            }
        }
    }

    public func lookup(subject: String, _ submission: SchemaSubmission, normalize: Bool, includeDeleted: Bool) async throws(RegistryError) -> SubjectVersion {
        try lookupSynchronously(subject: subject, submission, normalize: normalize, includeDeleted: includeDeleted)
    }

    public func lookupSynchronously(subject: String, _ submission: SchemaSubmission, normalize: Bool, includeDeleted: Bool) throws(RegistryError) -> SubjectVersion {
        let identity = try identity(of: submission, normalize: normalize)
        return try read { (s: borrowing RegistryState) throws(RegistryError) -> SubjectVersion in
            let versions = (s.subjects[subject] ?? []).filter { includeDeleted || !$0.deleted }
            guard !versions.isEmpty else { throw .subjectNotFound(subject) }
            let ids = Set(s.ids(for: identity))
            guard let entry = versions.last(where: { ids.contains($0.schemaID) }), let found = s.subjectVersion(subject, entry) else {
                throw .schemaNotFound(id: nil)
            }
            return found
        }
    }

    /// The newest live version of `subject` holding a schema with this identity.
    static func liveMatch(_ identity: SchemaIdentity, subject: String, in s: borrowing RegistryState) -> SubjectVersion? {
        let ids = s.ids(for: identity)
        guard !ids.isEmpty, let entry = s.liveVersions(subject).last(where: { ids.contains($0.schemaID) }) else { return nil }
        return s.subjectVersion(subject, entry)
    }

    /// Decides and commits one registration. Runs on the writer, so the index cannot change underneath it.
    private func registerOnWriter(subject: String, _ submission: SchemaSubmission, prepared initial: PreparedSchema, normalize: Bool) throws(RegistryError) -> SubjectVersion {
        let mode = try read { (s: borrowing RegistryState) in s.effectiveMode(subject) }
        switch mode {
        case .readOnly, .readOnlyOverride:
            throw .operationNotPermitted("Subject \(subject) is in read-only mode")
        case .import:
            guard submission.id != nil else { throw .operationNotPermitted("Subject \(subject) is not in read-write mode") }
        case .readWrite:
            break
        }

        // References may have moved (a `-1` now meaning a newer version) since the caller prepared.
        var prepared = initial
        let (references, _) = try read { (s: borrowing RegistryState) throws(RegistryError) in
            try Self.resolve(submission.references, in: s)
        }
        if references != prepared.identity.references {
            prepared = try prepare(submission, normalize: normalize)
        }
        let identity = prepared.identity

        let plan = try read { (s: borrowing RegistryState) throws(RegistryError) -> RegistrationPlan in
            try Self.plan(subject: subject, submission, identity: identity, mode: mode, in: s)
        }
        switch plan {
        case .existing(let version):
            return version
        case .new(let id, let version, let isNewSchema, let tombstones):
            if mode != .import {
                let (level, live) = try read { (s: borrowing RegistryState) in (s.effectiveLevel(subject), s.liveVersions(subject)) }
                let verdict = try self.verdict(for: prepared, level: level, against: live.reversed(), transitive: level.isTransitive)
                guard verdict.isCompatible else { throw .incompatibleSchema(subject: subject, messages: verdict.messages) }
            }
            let schema = StoredSchema(id: id, schemaType: identity.schemaType, schema: identity.text, references: identity.references)
            var operations: [StoreOperation] = []
            if isNewSchema {
                operations.append(.insertSchema(SchemaRow(schema: schema, identityHash: identity.hash)))
                operations.append(.setMaxSchemaID(id))
            }
            operations += tombstones.map { .deleteVersion(subject: subject, version: $0) }
            operations.append(.putVersion(VersionRow(subject: subject, version: version, schemaID: id, deleted: false)))
            try commit(operations)
            if isNewSchema { parsedCache.put(id, prepared.parsed) }
            return SubjectVersion(subject: subject, version: version, schema: schema)
        }
    }

    enum RegistrationPlan {
        case existing(SubjectVersion)
        /// `tombstones`: soft-deleted versions of this subject holding the same id, removed as Confluent does.
        case new(id: Int, version: Int, isNewSchema: Bool, tombstones: [Int])
    }

    /// Confluent's id and version rules, decided against the current index.
    static func plan(subject: String, _ submission: SchemaSubmission, identity: SchemaIdentity, mode: RegistryMode, in s: borrowing RegistryState) throws(RegistryError) -> RegistrationPlan {
        let all = s.subjects[subject] ?? []
        let knownIDs = s.ids(for: identity)

        if let existing = liveMatch(identity, subject: subject, in: s),
           submission.id == nil || submission.id == existing.id,
           submission.version == nil || submission.version == existing.version {
            return .existing(existing)
        }

        let nextVersion = (all.last?.version ?? 0) + 1
        let id: Int
        var isNewSchema = false
        if let requested = submission.id {
            guard requested >= 1, requested <= Int(Int32.max) else {
                throw .invalidSchema("id \(requested) is outside 1...2147483647")
            }
            if let holder = s.schemas[requested] {
                guard SchemaIdentity(holder.schema) == identity else {
                    throw .operationNotPermitted("Overwrite new schema with id \(requested) in context . is not permitted.")
                }
            } else if mode == .import {
                isNewSchema = true
            } else if !(knownIDs.isEmpty && requested == s.maxSchemaID + 1) {
                // Outside IMPORT an explicit id is only accepted when it is the one registration would assign.
                throw .operationNotPermitted("Subject \(subject) is not in import mode")
            } else {
                isNewSchema = true
            }
            if !isNewSchema, mode != .import, knownIDs.first != requested {
                throw .operationNotPermitted("Subject \(subject) is not in import mode")
            }
            id = requested
        } else if let known = knownIDs.first {
            id = known
        } else {
            id = s.maxSchemaID + 1
            isNewSchema = true
        }

        let version: Int
        if let requested = submission.version {
            if mode == .import {
                guard requested >= 1, requested <= Int(Int32.max) else { throw .invalidVersion(String(requested)) }
                if let taken = all.first(where: { $0.version == requested }) {
                    guard taken.schemaID == id, let current = s.subjectVersion(subject, taken) else {
                        throw .operationNotPermitted("Overwrite new schema with version \(requested) of subject \(subject) is not permitted.")
                    }
                    return .existing(current)
                }
            } else if requested != nextVersion {
                throw .invalidSchema("Version is not one more than previous version")
            }
            version = requested
        } else {
            version = nextVersion
        }

        let tombstones = all.filter { $0.deleted && $0.schemaID == id && s.liveReferrers(subject: subject, version: $0.version).isEmpty }.map(\.version)
        return .new(id: id, version: version, isNewSchema: isNewSchema, tombstones: tombstones)
    }
}
