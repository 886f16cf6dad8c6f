use super::Extra;

/// A named set of changes to the base document ("what if we only spend 80 万元?").
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scenario {
    /// The name as shown (名称).
    pub name: String,
    /// The changes.
    pub changes: Vec<Change>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

/// One change: the field at `path` (as findings name fields) takes `value`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Change {
    /// The field, as a path.
    pub path: String,
    /// The value.
    pub value: String,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}
