import RegistryCore

/// Writes a `Manifest` as `registry.yaml` text that `ManifestLoader` reads back unchanged.
public enum ManifestWriter {
    public static func render(_ manifest: Manifest, header: String? = nil) -> String {
        var out = ""
        if let header {
            for line in header.split(separator: "\n", omittingEmptySubsequences: false) { out += "# \(line)\n" }
        }
        out += "version: \(ManifestLoader.formatVersion)\n"
        if let level = manifest.defaultCompatibility {
            out += "defaults:\n  compatibility: \(level.rawValue)\n"
        }
        out += manifest.subjects.isEmpty ? "subjects: []\n" : "subjects:\n"
        for entry in manifest.subjects {
            out += "  - subject: \(quoted(entry.subject))\n"
            out += "    file: \(quoted(entry.file))\n"
            if entry.schemaType != .avro { out += "    type: \(entry.schemaType.rawValue)\n" }
            if let level = entry.compatibility { out += "    compatibility: \(level.rawValue)\n" }
            if !entry.references.isEmpty {
                out += "    references:\n"
                for reference in entry.references {
                    out += "      - name: \(quoted(reference.name))\n        subject: \(quoted(reference.subject))\n"
                }
            }
            if let examples = entry.examples { out += "    examples: \(quoted(examples))\n" }
        }
        return out
    }

    /// Double-quoted YAML scalars: subjects may contain `:` or start with characters YAML treats specially.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if character.value < 0x20 {
                    out += "\\x" + String(character.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(character)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
