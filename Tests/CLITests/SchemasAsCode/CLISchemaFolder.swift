/// A small schema folder for the command-line tests: a shared `Money` and a `Payment` that references it with
/// an enum and a union, plus examples. Tests commit it, change one thing, and run the binary on it.
enum CLISchemaFolder {
    static let money = """
    {
      "type": "record", "name": "Money", "namespace": "cli.common",
      "fields": [
        {"name": "cents", "type": "long"},
        {"name": "currency", "type": "string"}
      ]
    }
    """

    static let payment = """
    {
      "type": "record",
      "name": "Payment",
      "namespace": "cli.payments",
      "fields": [
        {"name": "payment_id", "type": "string"},
        {"name": "card_last4", "type": "string"},
        {"name": "attempt", "type": "int"},
        {"name": "method", "type": {"type": "enum", "name": "Method", "symbols": ["CARD", "SEPA", "INVOICE"]}},
        {"name": "reference", "type": ["null", "string", "long"], "default": null},
        {"name": "amount", "type": "cli.common.Money"}
      ]
    }
    """

    static func manifest(withReference: Bool = true) -> String {
        """
        version: 1
        defaults:
          compatibility: BACKWARD
        subjects:
          - subject: cli.common.Money
            file: common/Money.avsc
            compatibility: FULL
          - subject: payments-value
            file: payments/Payment.avsc
            examples: examples/payment
        \(withReference ? "    references:\n      - name: cli.common.Money\n        subject: cli.common.Money\n" : "")
        """
    }

    static let validPayments = """
    {"payment_id": "p-1", "card_last4": "4242", "attempt": 1, "method": "CARD", "reference": null, "amount": {"cents": 1999, "currency": "EUR"}}
    {"payment_id": "p-2", "card_last4": "0005", "attempt": 2, "method": "SEPA", "reference": "INV-7", "amount": {"cents": 50, "currency": "EUR"}}

    """

    static let invalidPayment = #"{"payment_id": "p-3", "card_last4": "1111", "attempt": "second", "method": "CARD", "reference": null, "amount": {"cents": 1, "currency": "EUR"}}"#

    /// Writes the folder as `schemas/` of `tree`.
    static func write(into tree: SchemaWorkTree, payment: String = CLISchemaFolder.payment, manifest: String = CLISchemaFolder.manifest()) throws {
        try tree.write("schemas/registry.yaml", manifest)
        try tree.write("schemas/common/Money.avsc", money)
        try tree.write("schemas/payments/Payment.avsc", payment)
        try tree.write("schemas/examples/payment/valid/payments.jsonl", validPayments)
        try tree.write("schemas/examples/payment/invalid/attempt-text.json", invalidPayment)
    }

    /// A committed repository holding the folder, ready for a change in the work tree.
    static func repository() throws -> SchemaWorkTree {
        let tree = try SchemaWorkTree()
        try tree.git("init", "-q", "-b", "main")
        try write(into: tree)
        try tree.commitAll("schemas")
        return tree
    }
}
