/// Which properties/items the keywords of one evaluation looked at: the annotations `unevaluatedProperties`
/// and `unevaluatedItems` consume. Only built when a subschema with those keywords asks for it.
struct EvaluatedLocations {
    var properties: Set<String> = []
    var allProperties = false
    var itemPrefix = 0
    var allItems = false
    var items: Set<Int> = []

    mutating func merge(_ other: EvaluatedLocations) {
        if other.allProperties { allProperties = true } else if !allProperties { properties.formUnion(other.properties) }
        if other.allItems { allItems = true } else if !allItems {
            itemPrefix = max(itemPrefix, other.itemPrefix)
            items.formUnion(other.items)
        }
    }

    func hasProperty(_ name: String) -> Bool { allProperties || properties.contains(name) }
    func hasItem(_ index: Int) -> Bool { allItems || index < itemPrefix || items.contains(index) }
}
