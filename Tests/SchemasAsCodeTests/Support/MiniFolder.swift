/// A small schema folder for tests: a shared `Money` type, an `Order` that references it with an enum and a
/// union, and examples. Tests write it, commit it, then change one thing.
enum MiniFolder {
    static let money = """
    {
      "type": "record", "name": "Money", "namespace": "test.common",
      "fields": [
        {"name": "amount_minor", "type": "long"},
        {"name": "currency", "type": "string"}
      ]
    }
    """

    static let order = """
    {
      "type": "record",
      "name": "Order",
      "namespace": "test.orders",
      "fields": [
        {"name": "order_id", "type": "string"},
        {"name": "customer_id", "type": "string"},
        {"name": "quantity", "type": "int"},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID", "SHIPPED"]}},
        {"name": "note", "type": ["null", "string", "long"], "default": null},
        {"name": "total", "type": "test.common.Money"}
      ]
    }
    """

    static func manifest(orderLevel: String = "BACKWARD", withReference: Bool = true) -> String {
        var text = """
        version: 1
        defaults:
          compatibility: BACKWARD
        subjects:
          - subject: test.common.Money
            file: common/Money.avsc
          - subject: orders-value
            file: orders/Order.avsc
            compatibility: \(orderLevel)
            examples: examples/order

        """
        if withReference {
            text += """
                references:
                  - name: test.common.Money
                    subject: test.common.Money

            """
        }
        return text
    }

    static let validOrder = #"{"order_id": "o-1", "customer_id": "c-1", "quantity": 2, "status": "PAID", "note": null, "total": {"amount_minor": 500, "currency": "EUR"}}"#
    static let invalidOrder = #"{"order_id": "o-1", "customer_id": "c-1", "quantity": "two", "status": "PAID", "note": null, "total": {"amount_minor": 500, "currency": "EUR"}}"#

    /// Writes the folder under `prefix` (e.g. `schemas`) of `folder`.
    static func write(into folder: TemporaryFolder, prefix: String = "schemas", orderLevel: String = "BACKWARD",
                      order: String = MiniFolder.order) throws {
        try folder.write("\(prefix)/registry.yaml", manifest(orderLevel: orderLevel))
        try folder.write("\(prefix)/common/Money.avsc", money)
        try folder.write("\(prefix)/orders/Order.avsc", order)
        try folder.write("\(prefix)/examples/order/valid/orders.jsonl", validOrder + "\n")
        try folder.write("\(prefix)/examples/order/invalid/quantity-text.json", invalidOrder)
    }
}
