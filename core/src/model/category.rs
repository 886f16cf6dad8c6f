//! What kind of target a leaf is (数量, 质量, 时效, 成本, 效益, 可持续影响, 满意度), from the groups it
//! stands under: the lights of a monitoring round and the review of declared targets read it the
//! same way.

use super::{Document, Group, Leaf, RuleKind, Visit};

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

/// Which leaves a 申报表 declares: those under a group named for a part of the framework (产出,
/// 效益, 满意度, 成本, or a category's word); in a tree where no group is so named, every one. A
/// self-evaluation's 项目决策 and 项目管理 (scored by their 评分标准) are not targets, nor 预算执行率
/// and 资金到位率, measured against the budget itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TargetTable {
    /// No group is named for a part of the framework: every leaf is a target.
    every: bool,
}

impl TargetTable {
    /// The table of `doc`.
    pub(crate) fn of(doc: &Document) -> TargetTable {
        let mut named = false;
        doc.walk(&mut |v| {
            if let Visit::Leaf(_, ancestors) = v {
                named = named || in_framework(ancestors);
            }
        });
        TargetTable { every: !named }
    }

    /// Whether a group's name says a part of the framework (产出指标, 效益指标, 数量指标 …).
    pub(crate) fn names_part(name: &str) -> bool {
        ["产出", "效益", "满意度", "成本"]
            .iter()
            .any(|k| name.contains(k))
            || Category::of_name(name).is_some()
    }

    /// Whether the leaf under these groups is one of the declared targets.
    pub(crate) fn holds(self, leaf: &Leaf, ancestors: &[&Group]) -> bool {
        !matches!(
            leaf.rule.kind(),
            Some(RuleKind::BudgetExecution | RuleKind::FundArrival)
        ) && (self.every || in_framework(ancestors))
    }
}

/// Whether a group above says a part of the framework.
fn in_framework(ancestors: &[&Group]) -> bool {
    ancestors.iter().any(|g| TargetTable::names_part(&g.name))
}
