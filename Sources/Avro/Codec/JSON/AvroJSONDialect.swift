/// How JSON text spells Avro data.
public enum AvroJSONDialect: Sendable, Equatable {
    /// Avro's JSON encoding: a non-null union value is wrapped as `{"branch name": value}`; bytes and fixed are
    /// strings of code points 0-255 (ISO-8859-1).
    case avro
    /// JSON as people write it. Union branches are inferred from the value (rules in docs and on
    /// `AvroCodec.encode(json:dialect:)`); the wrapped form is still accepted; decimals may be numbers or
    /// decimal strings; bytes and fixed are ISO-8859-1 strings as in `.avro`.
    case plain
}
