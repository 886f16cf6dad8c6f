//! What kind of target a leaf is (数量, 质量, 时效, 成本, 效益, 可持续影响, 满意度), from the groups it
//! stands under: the lights of a monitoring round and the review of declared targets read it the
//! same way.

use super::Group;

/// What kind of target a leaf is, from the nearest ancestor whose name says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// 数量指标.
    Quantity,
    /// 质量指标.
    Quality,
    /// 时效指标.
    Timeliness,
    /// 成本指标.
    Cost,
    /// 效益指标 (经济, 社会, 生态 or bare).
    Benefit,
    /// 可持续影响指标.
    Sustainability,
    /// 满意度指标.
    Satisfaction,
}

impl Category {
    /// The category of a leaf under these groups (outermost first): the nearest group whose
    /// name says one; 数量 where none does.
    pub fn of_ancestors(ancestors: &[&Group]) -> Category {
        ancestors
            .iter()
            .rev()
            .find_map(|g| Category::of_name(&g.name))
            .unwrap_or(Category::Quantity)
    }

    /// The word in the output.
    pub fn key(self) -> &'static str {
        match self {
            Category::Quantity => "quantity",
            Category::Quality => "quality",
            Category::Timeliness => "timeliness",
            Category::Cost => "cost",
            Category::Benefit => "benefit",
            Category::Sustainability => "sustainability",
            Category::Satisfaction => "satisfaction",
        }
    }

    /// Whether its standard is the target prorated by time.
    pub fn prorated(self) -> bool {
        matches!(
            self,
            Category::Quantity
                | Category::Benefit
                | Category::Sustainability
                | Category::Satisfaction
        )
    }

    /// The category a group's name says, if any.
    pub(crate) fn of_name(name: &str) -> Option<Category> {
        [
            ("数量", Category::Quantity),
            ("质量", Category::Quality),
            ("时效", Category::Timeliness),
            ("成本", Category::Cost),
            ("可持续影响", Category::Sustainability),
            ("满意度", Category::Satisfaction),
            ("效益", Category::Benefit),
        ]
        .into_iter()
        .find(|(k, _)| name.contains(k))
        .map(|(_, c)| c)
    }
}
