//! Projects: module names from file paths, and the module dependency order.
//!
//! `storage/schema.mpl` is module `Storage.Schema`; the root `main.mpl` is `Main`. Imports
//! that name project modules are dependency edges; self-imports and cycles are errors;
//! modules are ordered dependencies-first with an alphabetical tie-break (deterministic).

use crate::ModuleInput;
use mesh_syntax::ast::ItemKind;
use mesh_syntax::{Diagnostic, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// `linear_algebra` → `LinearAlgebra`: split on `_`, drop empty parts, upper-case the first
/// character of each part, keep the rest.
pub fn pascal_case(s: &str) -> String {
    let mut out = String::new();
    for part in s.split('_').filter(|p| !p.is_empty()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// The module name of a file given its path relative to the project root.
pub fn module_name(rel: &Path) -> String {
    let comps: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().to_string())
        .collect();
    if comps.len() == 1 && comps[0] == "main.mpl" {
        return "Main".to_string();
    }
    let mut parts = Vec::new();
    for (i, c) in comps.iter().enumerate() {
        let stem = if i + 1 == comps.len() {
            c.strip_suffix(".mpl").unwrap_or(c)
        } else {
            c.as_str()
        };
        parts.push(pascal_case(stem));
    }
    parts.join(".")
}

/// Orders user modules dependencies-first; reports self-imports and cycles.
pub fn order_modules(modules: Vec<ModuleInput>) -> (Vec<ModuleInput>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let names: HashMap<String, usize> = modules
        .iter()
        .enumerate()
        .map(|(i, m)| (m.name.clone(), i))
        .collect();
    // deps[i] = modules i imports, with the span of the (first) import.
    let mut deps: Vec<BTreeMap<usize, Span>> = vec![BTreeMap::new(); modules.len()];
    for (i, m) in modules.iter().enumerate() {
        for item in &m.ast.items {
            let (path, span) = match &item.kind {
                ItemKind::Import(imp) => (&imp.path, imp.span),
                ItemKind::FromImport(imp) => (&imp.path, imp.span),
                _ => continue,
            };
            let full: Vec<&str> = path.iter().map(|p| p.name.as_str()).collect();
            let full = full.join(".");
            if let Some(&j) = names.get(&full) {
                if j == i {
                    diags.push(Diagnostic::error(
                        "E0045",
                        format!("module `{full}` cannot import itself"),
                        span,
                    ));
                } else {
                    deps[i].entry(j).or_insert(span);
                }
            }
        }
    }
    // Kahn's algorithm with an alphabetical tie-break.
    let mut indegree: Vec<usize> = deps.iter().map(|d| d.len()).collect();
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); modules.len()];
    for (i, d) in deps.iter().enumerate() {
        for &j in d.keys() {
            users[j].push(i);
        }
    }
    let mut ready: BTreeSet<(String, usize)> = indegree
        .iter()
        .enumerate()
        .filter(|(_, &d)| d == 0)
        .map(|(i, _)| (modules[i].name.clone(), i))
        .collect();
    let mut order = Vec::new();
    while let Some(first) = ready.iter().next().cloned() {
        ready.remove(&first);
        let i = first.1;
        order.push(i);
        for &u in &users[i] {
            indegree[u] -= 1;
            if indegree[u] == 0 {
                ready.insert((modules[u].name.clone(), u));
            }
        }
    }
    if order.len() < modules.len() {
        let mut reported = BTreeSet::new();
        for start in 0..modules.len() {
            if order.contains(&start) || reported.contains(&start) {
                continue;
            }
            if let Some(cycle) = find_cycle(start, &deps) {
                if cycle.iter().any(|c| reported.contains(c)) {
                    continue;
                }
                reported.extend(cycle.iter().copied());
                let mut text: Vec<&str> = cycle.iter().map(|&i| modules[i].name.as_str()).collect();
                text.push(modules[cycle[0]].name.as_str());
                let span = deps[cycle[0]]
                    .get(&cycle[1 % cycle.len()])
                    .copied()
                    .unwrap_or_default();
                diags.push(Diagnostic::error(
                    "E0045",
                    format!("circular dependency: {}", text.join(" -> ")),
                    span,
                ).with_help("modules cannot import each other in a cycle; move the shared definitions into a module both can import"));
            }
        }
        // Keep going with the remaining modules in name order so later phases still run.
        let mut rest: Vec<usize> = (0..modules.len()).filter(|i| !order.contains(i)).collect();
        rest.sort_by(|a, b| modules[*a].name.cmp(&modules[*b].name));
        order.extend(rest);
    }
    let mut slots: Vec<Option<ModuleInput>> = modules.into_iter().map(Some).collect();
    let ordered = order.into_iter().filter_map(|i| slots[i].take()).collect();
    (ordered, diags)
}

fn find_cycle(start: usize, deps: &[BTreeMap<usize, Span>]) -> Option<Vec<usize>> {
    fn dfs(
        node: usize,
        start: usize,
        deps: &[BTreeMap<usize, Span>],
        path: &mut Vec<usize>,
        seen: &mut BTreeSet<usize>,
    ) -> bool {
        for &next in deps[node].keys() {
            if next == start {
                return true;
            }
            if seen.insert(next) {
                path.push(next);
                if dfs(next, start, deps, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start];
    let mut seen = BTreeSet::new();
    if dfs(start, start, deps, &mut path, &mut seen) {
        Some(path)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_follow_the_path_rule() {
        assert_eq!(module_name(Path::new("main.mpl")), "Main");
        assert_eq!(
            module_name(Path::new("storage/schema.mpl")),
            "Storage.Schema"
        );
        assert_eq!(
            module_name(Path::new("ingestion/ws_handler.mpl")),
            "Ingestion.WsHandler"
        );
        assert_eq!(module_name(Path::new("a/b/c/d.mpl")), "A.B.C.D");
        assert_eq!(module_name(Path::new("tools/main.mpl")), "Tools.Main");
        assert_eq!(
            module_name(Path::new(
                "migrations/20260216120000_create_initial_schema.mpl"
            )),
            "Migrations.20260216120000CreateInitialSchema"
        );
        assert_eq!(pascal_case("__x__y"), "XY");
    }
}
