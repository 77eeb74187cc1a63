/// Kinds of schema change, named after Confluent's JSON Schema `Difference.Type` so registry messages read the
/// same as Confluent's. Only kinds this checker reports as incompatible (or notes as compatible) are listed.
public enum JSONSchemaDifference: String, Sendable, CaseIterable {
    case typeChanged = "TYPE_CHANGED"
    case typeNarrowed = "TYPE_NARROWED"
    case maxLengthAdded = "MAX_LENGTH_ADDED"
    case maxLengthDecreased = "MAX_LENGTH_DECREASED"
    case minLengthAdded = "MIN_LENGTH_ADDED"
    case minLengthIncreased = "MIN_LENGTH_INCREASED"
    case patternAdded = "PATTERN_ADDED"
    case patternChanged = "PATTERN_CHANGED"
    case maximumAdded = "MAXIMUM_ADDED"
    case maximumDecreased = "MAXIMUM_DECREASED"
    case minimumAdded = "MINIMUM_ADDED"
    case minimumIncreased = "MINIMUM_INCREASED"
    case exclusiveMaximumAdded = "EXCLUSIVE_MAXIMUM_ADDED"
    case exclusiveMaximumDecreased = "EXCLUSIVE_MAXIMUM_DECREASED"
    case exclusiveMinimumAdded = "EXCLUSIVE_MINIMUM_ADDED"
    case exclusiveMinimumIncreased = "EXCLUSIVE_MINIMUM_INCREASED"
    case multipleOfAdded = "MULTIPLE_OF_ADDED"
    case multipleOfChanged = "MULTIPLE_OF_CHANGED"
    case requiredAttributeAdded = "REQUIRED_ATTRIBUTE_ADDED"
    case maxPropertiesAdded = "MAX_PROPERTIES_ADDED"
    case maxPropertiesDecreased = "MAX_PROPERTIES_DECREASED"
    case minPropertiesAdded = "MIN_PROPERTIES_ADDED"
    case minPropertiesIncreased = "MIN_PROPERTIES_INCREASED"
    case additionalPropertiesRemoved = "ADDITIONAL_PROPERTIES_REMOVED"
    case additionalPropertiesNarrowed = "ADDITIONAL_PROPERTIES_NARROWED"
    case dependencyArrayAdded = "DEPENDENCY_ARRAY_ADDED"
    case dependencyArrayExtended = "DEPENDENCY_ARRAY_EXTENDED"
    case dependencySchemaAdded = "DEPENDENCY_SCHEMA_ADDED"
    case propertyAddedToOpenContentModel = "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"
    case propertyRemovedFromClosedContentModel = "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"
    case propertyRemovedNotCoveredByPartiallyOpenContentModel = "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
    case propertyAddedNotCoveredByPartiallyOpenContentModel = "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
    case maxItemsAdded = "MAX_ITEMS_ADDED"
    case maxItemsDecreased = "MAX_ITEMS_DECREASED"
    case minItemsAdded = "MIN_ITEMS_ADDED"
    case minItemsIncreased = "MIN_ITEMS_INCREASED"
    case uniqueItemsAdded = "UNIQUE_ITEMS_ADDED"
    case additionalItemsRemoved = "ADDITIONAL_ITEMS_REMOVED"
    case additionalItemsNarrowed = "ADDITIONAL_ITEMS_NARROWED"
    case itemRemovedFromClosedContentModel = "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL"
    case itemAddedToOpenContentModel = "ITEM_ADDED_TO_OPEN_CONTENT_MODEL"
    case enumArrayNarrowed = "ENUM_ARRAY_NARROWED"
    case enumArrayChanged = "ENUM_ARRAY_CHANGED"
    case combinedTypeChanged = "COMBINED_TYPE_CHANGED"
    case productTypeExtended = "PRODUCT_TYPE_EXTENDED"
    case sumTypeNarrowed = "SUM_TYPE_NARROWED"
    case combinedTypeSubschemasChanged = "COMBINED_TYPE_SUBSCHEMAS_CHANGED"
    case notTypeChanged = "NOT_TYPE_CHANGED"
    case referenceUnresolved = "REFERENCE_UNRESOLVED"
    /// Not one of Confluent's: the comparison was cut short by the checker's work bound.
    case tooComplex = "SCHEMA_TOO_COMPLEX_TO_COMPARE"
}

/// One reason the new (reader) schema may reject data the old (writer) schema accepted. `location` is a JSON
/// pointer into the reader schema (`#/properties/amount/maximum`).
public struct JSONSchemaIncompatibility: Sendable, Equatable, CustomStringConvertible {
    public var difference: JSONSchemaDifference
    public var location: String
    public var message: String

    public init(difference: JSONSchemaDifference, location: String, message: String) {
        self.difference = difference
        self.location = location
        self.message = message
    }

    public var description: String { "{errorType:\"\(difference.rawValue)\", description:\"\(message) at \(location)\"}" }
}
