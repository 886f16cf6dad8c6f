use super::Extra;

/// A named set of changes to the base document ("what if we only spend 80 万元?").
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scenario {
    pub name: String,
    pub changes: Vec<Change>,
    pub extra: Extra,
}

/// One change: the field at `path` (as findings name fields) takes `value`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Change {
    pub path: String,
    pub value: String,
    pub extra: Extra,
}
