/// A small JSON Schema folder for tests: a closed `Money` object and a `Checkout` event that reaches it through
/// a Confluent-style reference (`"$ref": "money.json"`, the reference's name), with an enum, a nullable field
/// and examples. One member per line, so tests can name the line a problem should land on.
enum JSONMiniFolder {
    static let money = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "properties": {
        "amount_minor": {"type": "integer"},
        "currency": {"type": "string", "pattern": "^[A-Z]{3}$"}
      },
      "required": ["amount_minor", "currency"],
      "additionalProperties": false
    }
    """

    /// Line 5 `checkout_id`, 6 `step`, 7 `items`, 8 `total`, 9 `coupon`, 11 `required`.
    static let checkout = """
    {
      "title": "Checkout",
      "type": "object",
      "properties": {
        "checkout_id": {"type": "string"},
        "step": {"enum": ["CART", "SHIPPING", "PAYMENT"]},
        "items": {"type": "integer", "minimum": 0},
        "total": {"$ref": "money.json"},
        "coupon": {"type": ["string", "null"]}
      },
      "required": ["checkout_id", "step", "total"],
      "additionalProperties": false
    }
    """

    static func manifest(checkoutLevel: String = "BACKWARD") -> String {
        """
        version: 1
        defaults:
          compatibility: BACKWARD
        subjects:
          - subject: test.common.Money
            file: common/money.json
            compatibility: FULL
          - subject: checkouts-value
            file: checkout/Checkout.json
            compatibility: \(checkoutLevel)
            references:
              - name: money.json
                subject: test.common.Money
            examples: examples/checkout

        """
    }

    static let validCheckouts = """
    {"checkout_id": "c-1", "step": "CART", "items": 2, "total": {"amount_minor": 500, "currency": "EUR"}, "coupon": null}
    {"checkout_id": "c-2", "step": "PAYMENT", "total": {"amount_minor": 1999, "currency": "USD"}, "coupon": "SPRING"}

    """

    /// Pretty printed, so a rejection inside it has a line of its own (line 5: `currency`).
    static let invalidCheckout = """
    {
      "checkout_id": "c-3",
      "step": "CART",
      "total": {
        "amount_minor": 500, "currency": "euro"
      }
    }
    """

    static let invalidStep = #"{"checkout_id": "c-4", "step": "PAID", "total": {"amount_minor": 1, "currency": "EUR"}}"#

    static func write(into folder: TemporaryFolder, prefix: String = "schemas", checkoutLevel: String = "BACKWARD",
                      checkout: String = JSONMiniFolder.checkout) throws {
        try folder.write("\(prefix)/registry.yaml", manifest(checkoutLevel: checkoutLevel))
        try folder.write("\(prefix)/common/money.json", money)
        try folder.write("\(prefix)/checkout/Checkout.json", checkout)
        try folder.write("\(prefix)/examples/checkout/valid/checkouts.jsonl", validCheckouts)
        try folder.write("\(prefix)/examples/checkout/invalid/currency-not-iso.json", invalidCheckout)
        try folder.write("\(prefix)/examples/checkout/invalid/unknown-step.json", invalidStep)
    }
}
