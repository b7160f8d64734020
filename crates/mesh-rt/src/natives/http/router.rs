//! Routers and route matching (stdlib.md §13.2), independent of sockets so that the
//! algorithm is unit-tested on its own.
//!
//! A path is matched in three passes over the routes in registration order, each skipping
//! routes of another method: exact patterns, then patterns with `:name` segments (equal
//! segment counts, literal segments equal, empty segments ignored), then wildcards
//! (`/p/*` matches `/p` and everything under `/p/`; `/*` matches everything). A HEAD
//! request that matches no route is matched again as GET.

use hyper::Method;
use mesh_vm::Value;
use std::time::Duration;

/// Default largest request body: 8 MiB.
pub const DEFAULT_MAX_BODY: usize = 8 * 1024 * 1024;

/// Default time for a request, from its headers to the response.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A route's pattern, classified once when the route is added.
#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    /// No `:name` segment and no trailing `/*`: compared as a whole.
    Exact(String),
    /// Some segment is `:name`.
    Params(Vec<Segment>),
    /// Ends in `/*`: the prefix before it (`""` for `/*`).
    Wildcard(String),
}

/// One segment of a parameterised pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    Literal(String),
    Param(String),
}

impl Pattern {
    /// Classifies a pattern as written in `HTTP.on_get(r, "/users/:id", …)`.
    pub fn parse(p: &str) -> Pattern {
        let segs: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
        if segs.iter().any(|s| s.starts_with(':')) {
            Pattern::Params(
                segs.into_iter()
                    .map(|s| match s.strip_prefix(':') {
                        Some(name) => Segment::Param(name.to_string()),
                        None => Segment::Literal(s.to_string()),
                    })
                    .collect(),
            )
        } else if let Some(prefix) = p.strip_suffix("/*") {
            Pattern::Wildcard(prefix.to_string())
        } else {
            Pattern::Exact(p.to_string())
        }
    }
}

/// One route: an optional method filter, the pattern and the handler (a Mesh function).
#[derive(Clone)]
pub struct Route {
    pub method: Option<Method>,
    pub pattern: Pattern,
    pub handler: Value,
}

/// A router: routes, middleware (Mesh functions, outermost first) and limits.
#[derive(Clone)]
pub struct RouterData {
    pub routes: Vec<Route>,
    pub middleware: Vec<Value>,
    pub max_body: usize,
    pub timeout: Duration,
}

impl Default for RouterData {
    fn default() -> RouterData {
        RouterData {
            routes: Vec::new(),
            middleware: Vec::new(),
            max_body: DEFAULT_MAX_BODY,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// A matched route and its captured parameters (raw segment text).
pub struct Match<'r, 'p> {
    pub route: &'r Route,
    pub params: Vec<(&'r str, &'p str)>,
}

impl RouterData {
    /// The route for `method` and `path` (without the query string), if any.
    pub fn find<'r, 'p>(&'r self, method: &Method, path: &'p str) -> Option<Match<'r, 'p>> {
        self.find_for(method, path).or_else(|| {
            if method == Method::HEAD {
                self.find_for(&Method::GET, path)
            } else {
                None
            }
        })
    }

    fn find_for<'r, 'p>(&'r self, method: &Method, path: &'p str) -> Option<Match<'r, 'p>> {
        let applies = |r: &Route| match &r.method {
            Some(m) => m == method,
            None => true,
        };
        for r in &self.routes {
            if let Pattern::Exact(p) = &r.pattern {
                if applies(r) && p == path {
                    return Some(Match {
                        route: r,
                        params: Vec::new(),
                    });
                }
            }
        }
        let mut segs: Option<Vec<&'p str>> = None;
        for r in &self.routes {
            if let Pattern::Params(pat) = &r.pattern {
                if !applies(r) {
                    continue;
                }
                let segs =
                    segs.get_or_insert_with(|| path.split('/').filter(|s| !s.is_empty()).collect());
                if let Some(params) = match_params(pat, segs) {
                    return Some(Match { route: r, params });
                }
            }
        }
        for r in &self.routes {
            if let Pattern::Wildcard(prefix) = &r.pattern {
                if applies(r) && wildcard_matches(prefix, path) {
                    return Some(Match {
                        route: r,
                        params: Vec::new(),
                    });
                }
            }
        }
        None
    }
}

/// The captures of a parameterised pattern against a path's segments.
fn match_params<'r, 'p>(pat: &'r [Segment], segs: &[&'p str]) -> Option<Vec<(&'r str, &'p str)>> {
    if pat.len() != segs.len() {
        return None;
    }
    let mut params = Vec::new();
    for (p, s) in pat.iter().zip(segs) {
        match p {
            Segment::Literal(l) if l == s => {}
            Segment::Literal(_) => return None,
            Segment::Param(name) => params.push((name.as_str(), *s)),
        }
    }
    Some(params)
}

/// `/p/*` (prefix `/p`) matches `/p` and paths starting with `/p/`; `/*` matches all.
fn wildcard_matches(prefix: &str, path: &str) -> bool {
    prefix.is_empty()
        || path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn router(routes: &[(Option<&str>, &str, i64)]) -> RouterData {
        RouterData {
            routes: routes
                .iter()
                .map(|(m, p, id)| Route {
                    method: m.map(|m| Method::from_bytes(m.as_bytes()).unwrap_or(Method::GET)),
                    pattern: Pattern::parse(p),
                    handler: Value::Int(*id),
                })
                .collect(),
            ..RouterData::default()
        }
    }

    fn hit(r: &RouterData, m: &str, path: &str) -> Option<(i64, Vec<(String, String)>)> {
        let m = Method::from_bytes(m.as_bytes()).unwrap_or(Method::GET);
        r.find(&m, path).map(|x| {
            (
                x.route.handler.as_int().unwrap_or(-1),
                x.params
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            )
        })
    }

    #[test]
    fn patterns_are_classified() {
        assert_eq!(Pattern::parse("/a/b"), Pattern::Exact("/a/b".into()));
        assert_eq!(
            Pattern::parse("/files/*"),
            Pattern::Wildcard("/files".into())
        );
        assert_eq!(Pattern::parse("/*"), Pattern::Wildcard("".into()));
        assert_eq!(
            Pattern::parse("/u/:id/x"),
            Pattern::Params(vec![
                Segment::Literal("u".into()),
                Segment::Param("id".into()),
                Segment::Literal("x".into())
            ])
        );
    }

    #[test]
    fn exact_beats_params_beats_wildcard_whatever_the_order() {
        let r = router(&[
            (None, "/*", 1),
            (Some("GET"), "/users/:id", 2),
            (Some("GET"), "/users/me", 3),
        ]);
        assert_eq!(hit(&r, "GET", "/users/me").map(|h| h.0), Some(3));
        assert_eq!(
            hit(&r, "GET", "/users/42"),
            Some((2, vec![("id".into(), "42".into())]))
        );
        assert_eq!(hit(&r, "GET", "/other").map(|h| h.0), Some(1));
        assert_eq!(hit(&r, "POST", "/users/42").map(|h| h.0), Some(1));
    }

    #[test]
    fn methods_filter_and_first_registered_wins() {
        let r = router(&[
            (Some("POST"), "/x", 1),
            (Some("GET"), "/x", 2),
            (None, "/x", 3),
        ]);
        assert_eq!(hit(&r, "GET", "/x").map(|h| h.0), Some(2));
        assert_eq!(hit(&r, "POST", "/x").map(|h| h.0), Some(1));
        assert_eq!(hit(&r, "DELETE", "/x").map(|h| h.0), Some(3));
        let only_get = router(&[(Some("GET"), "/x", 1)]);
        assert_eq!(hit(&only_get, "POST", "/x"), None);
    }

    #[test]
    fn head_falls_back_to_get() {
        let r = router(&[(Some("GET"), "/x", 1), (Some("HEAD"), "/y", 2)]);
        assert_eq!(hit(&r, "HEAD", "/x").map(|h| h.0), Some(1));
        assert_eq!(hit(&r, "HEAD", "/y").map(|h| h.0), Some(2));
    }

    #[test]
    fn params_need_equal_segment_counts_and_ignore_empty_segments() {
        let r = router(&[(None, "/a/:x/b/:y", 1)]);
        assert_eq!(
            hit(&r, "GET", "/a/1/b/2/"),
            Some((1, vec![("x".into(), "1".into()), ("y".into(), "2".into())]))
        );
        assert_eq!(hit(&r, "GET", "/a/1/b"), None);
        assert_eq!(hit(&r, "GET", "/a/1/c/2"), None);
        assert_eq!(hit(&r, "GET", "/a//1/b/2").map(|h| h.0), Some(1));
    }

    #[test]
    fn wildcards_match_the_prefix_and_below_only() {
        let r = router(&[(None, "/static/*", 1)]);
        assert_eq!(hit(&r, "GET", "/static").map(|h| h.0), Some(1));
        assert_eq!(hit(&r, "GET", "/static/a/b.css").map(|h| h.0), Some(1));
        assert_eq!(hit(&r, "GET", "/staticky"), None);
        assert_eq!(hit(&r, "GET", "/"), None);
    }

    #[test]
    fn exact_routes_do_not_normalise() {
        let r = router(&[(None, "/a", 1)]);
        assert_eq!(hit(&r, "GET", "/a/"), None);
        assert_eq!(hit(&r, "GET", "/A"), None);
    }
}
