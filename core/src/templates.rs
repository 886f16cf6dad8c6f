//! Starting files: `standard` (the 财预〔2020〕10号 自评表 shape), `kunming-2022` (the seed report)
//! and `blank`.

use crate::format::read_str;
use crate::model::Document;

/// Names of the templates, in the order they are offered.
pub const NAMES: [&str; 3] = ["standard", "kunming-2022", "blank"];

/// The JSON text of a template.
pub fn template_text(name: &str) -> Option<&'static str> {
    match name {
        "standard" => Some(include_str!("../templates/standard.json")),
        "kunming-2022" | "kunming" => Some(include_str!("../templates/kunming-2022.json")),
        "blank" => Some(include_str!("../templates/blank.json")),
        _ => None,
    }
}

/// A template as a document.
pub fn template(name: &str) -> Option<Document> {
    template_text(name).and_then(|text| read_str(text).ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_template_reads() {
        for name in super::NAMES {
            assert!(super::template(name).is_some(), "{name}");
        }
    }
}
