extension Registry {
    // MARK: Compatibility level

    public func compatibilityLevel(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> CompatibilityLevel {
        try read { (s: borrowing RegistryState) throws(RegistryError) -> CompatibilityLevel in
            guard let subject else { return s.globalLevel ?? .backward }
            if let level = s.subjectLevels[subject] { return level }
            guard defaultToGlobal else { throw .subjectConfigNotFound(subject) }
            return s.globalLevel ?? .backward
        }
    }

    /// Allowed on a subject with no schemas yet: clients configure before they register.
    public func setCompatibilityLevel(_ level: CompatibilityLevel, subject: String?) async throws(RegistryError) {
        if let subject { try SubjectName.validate(subject) }
        try await writer.run { [self] in
            Result { () throws(RegistryError) in
                try read { (s: borrowing RegistryState) throws(RegistryError) in try Self.refuseReadOnly(subject, in: s) }
                try commit([.setCompatibility(subject: subject, level: level)])
            }
        }
    }

    public func deleteCompatibilityLevel(subject: String?) async throws(RegistryError) -> CompatibilityLevel {
        try await writer.run { [self] in
            Result { () throws(RegistryError) -> CompatibilityLevel in
                let old = try read { (s: borrowing RegistryState) throws(RegistryError) -> CompatibilityLevel in
                    try Self.refuseReadOnly(subject, in: s)
                    guard let subject else { return s.globalLevel ?? .backward }
                    guard let level = s.subjectLevels[subject] else { throw .subjectNotFound(subject) }
                    return level
                }
                try commit([.setCompatibility(subject: subject, level: nil)])
                return old
            }
        }
    }

    // MARK: Mode

    public func mode(subject: String?, defaultToGlobal: Bool) async throws(RegistryError) -> RegistryMode {
        try read { (s: borrowing RegistryState) throws(RegistryError) -> RegistryMode in
            guard let subject else { return s.globalMode ?? .readWrite }
            if let mode = s.subjectModes[subject] { return mode }
            guard defaultToGlobal else { throw .subjectModeNotFound(subject) }
            return s.globalMode ?? .readWrite
        }
    }

    /// Switching to IMPORT needs a scope without live schemas (ids would collide otherwise) unless `force`.
    /// Mode changes are allowed in READONLY: otherwise a read-only registry could never be reopened.
    public func setMode(_ mode: RegistryMode, subject: String?, force: Bool) async throws(RegistryError) {
        if let subject { try SubjectName.validate(subject) }
        try await writer.run { [self] in
            Result { () throws(RegistryError) in
                try read { (s: borrowing RegistryState) throws(RegistryError) in
                    if mode == .import, !force, s.hasLiveSchemas(subject) {
                        throw .operationNotPermitted("Cannot import since found existing subjects")
                    }
                }
                try commit([.setMode(subject: subject, mode: mode)])
            }
        }
    }

    public func deleteMode(subject: String?) async throws(RegistryError) -> RegistryMode {
        try await writer.run { [self] in
            Result { () throws(RegistryError) -> RegistryMode in
                let old = try read { (s: borrowing RegistryState) throws(RegistryError) -> RegistryMode in
                    guard let subject else { return s.globalMode ?? .readWrite }
                    guard let mode = s.subjectModes[subject] else { throw .subjectNotFound(subject) }
                    return mode
                }
                try commit([.setMode(subject: subject, mode: nil)])
                return old
            }
        }
    }
}
