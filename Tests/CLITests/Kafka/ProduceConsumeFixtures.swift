import Foundation
import JSONValue

/// The schema and input lines the produce/consume tests share.
enum CLIOrders {
    static let schema = """
    {"type":"record","name":"Order","namespace":"cli.test","fields":[
      {"name":"id","type":"long"},
      {"name":"customer","type":"string"},
      {"name":"amount","type":"double"},
      {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
        {"name":"sku","type":"string"},{"name":"qty","type":"int"}]}}},
      {"name":"note","type":["null","string"],"default":null}
    ]}
    """

    /// Valid order `n`; the note alternates between null and a string so the union takes both branches.
    static func valid(_ n: Int) -> String {
        let note = n % 2 == 0 ? "null" : "\"gift \(n) ✓\""
        let lines = (0..<(n % 3)).map { #"{"sku":"sku-\#($0)","qty":\#($0 + 1)}"# }.joined(separator: ",")
        return #"{"id":\#(n),"customer":"customer \#(n)","amount":\#(Double(n) + 0.25),"lines":[\#(lines)],"note":\#(note)}"#
    }

    /// A wrong type deep inside: `/lines/1/qty` is a string.
    static let wrongType = #"{"id":100,"customer":"c","amount":1.5,"lines":[{"sku":"a","qty":1},{"sku":"b","qty":"two"}],"note":null}"#
    /// Not JSON at all.
    static let notJSON = #"{"id":101,"customer":"c","#
    /// A required field missing.
    static let missingField = #"{"id":102,"amount":2.5,"lines":[],"note":null}"#

    /// Both sides parsed, so formatting (spacing, number spelling) does not matter.
    static func parsed(_ lines: [String]) throws -> [JSONValue] {
        try lines.map { try JSONParser.parse($0) }
    }

    static func nonEmptyLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
