//! Exit signals, links, monitors and the name registry, with Erlang's semantics.
//!
//! * A process ends with an [`ExitReason`]. [`finish`] marks it dead, releases its names,
//!   sends its reason as an exit signal to every linked process and `Down` to every
//!   monitor, and completes a job's result slot.
//! * An exit signal ([`send_exit`]) is decided on the target's side under its lock: a
//!   process that traps exits gets `Exit(pid, reason)` as a message; otherwise a `Normal`
//!   signal is ignored and any other reason ends it with that reason. A kill
//!   (`Process.stop(pid, Killed)`) cannot be trapped. A linked process that *died* with
//!   `Killed` sends an ordinary, trappable `Killed` signal (so a supervisor survives killing
//!   a child).
//! * Linking or monitoring a dead pid delivers `Noproc` at once.
//!
//! Signals reach Mesh code as values of the std types `Process.Signal` and
//! `Process.ExitReason`, whose type ids [`SignalTypes`] finds by name in the program's type
//! table.

use crate::context::Shared;
use crate::natives::job::JobSlot;
use mesh_vm::bytecode::{TypeInfo, TypeKind};
use mesh_vm::process::{Delivery, ExitReason, SignalEffect, Ties, Watcher};
use mesh_vm::{ProcessRef, Value};
use std::sync::Arc;

/// Type ids of `Process.ExitReason` and `Process.Signal` in the running program.
#[derive(Clone, Copy, Debug, Default)]
pub struct SignalTypes {
    exit_reason: Option<u32>,
    signal: Option<u32>,
}

/// Tags of `ExitReason`'s variants, in declaration order.
const NORMAL: u32 = 0;
const SHUTDOWN: u32 = 1;
const KILLED: u32 = 2;
const NOPROC: u32 = 3;
const ERROR: u32 = 4;

/// Tags of `Signal`'s variants.
const EXIT: u32 = 0;
const DOWN: u32 = 1;

fn find_sum(types: &[TypeInfo], name: &str, variants: &[&str]) -> Option<u32> {
    types
        .iter()
        .position(|t| {
            let named = t.name == name || t.name.ends_with(&format!(".{name}"));
            named
                && matches!(&t.kind, TypeKind::Sum(vs)
                if vs.len() == variants.len()
                    && vs.iter().zip(variants).all(|(v, n)| v.name == *n))
        })
        .and_then(|i| u32::try_from(i).ok())
}

impl SignalTypes {
    /// Finds the std signal types in a program's type table (by name and variants).
    pub fn find(types: &[TypeInfo]) -> SignalTypes {
        SignalTypes {
            exit_reason: find_sum(
                types,
                "ExitReason",
                &["Normal", "Shutdown", "Killed", "Noproc", "Error"],
            ),
            signal: find_sum(types, "Signal", &["Exit", "Down"]),
        }
    }

    /// The Mesh value of an exit reason (`()` if the program has no `ExitReason` type).
    pub fn reason_value(&self, r: &ExitReason) -> Value {
        let Some(type_id) = self.exit_reason else {
            return Value::Unit;
        };
        let tag = match r {
            ExitReason::Normal => NORMAL,
            ExitReason::Shutdown => SHUTDOWN,
            ExitReason::Killed => KILLED,
            ExitReason::Noproc => NOPROC,
            ExitReason::Error(m) => {
                return Value::data(type_id, ERROR, vec![Value::str(m.as_ref())]);
            }
        };
        Value::Enum { type_id, tag }
    }

    /// The exit reason a Mesh `ExitReason` value stands for.
    pub fn reason_of(&self, v: &Value) -> Option<ExitReason> {
        let (type_id, tag) = v.data_tag()?;
        if Some(type_id) != self.exit_reason {
            return None;
        }
        Some(match tag {
            NORMAL => ExitReason::Normal,
            SHUTDOWN => ExitReason::Shutdown,
            KILLED => ExitReason::Killed,
            NOPROC => ExitReason::Noproc,
            ERROR => ExitReason::Error(v.data_fields().first()?.as_str()?.into()),
            _ => return None,
        })
    }

    /// `Exit(from, reason)`, if the program has the signal types.
    pub fn exit_message(&self, from: &Arc<ProcessRef>, r: &ExitReason) -> Option<Value> {
        self.exit_reason?;
        Some(Value::data(
            self.signal?,
            EXIT,
            vec![Value::Pid(from.clone()), self.reason_value(r)],
        ))
    }

    /// `Down(ref, from, reason)`, if the program has the signal types.
    pub fn down_message(&self, mref: u64, from: &Arc<ProcessRef>, r: &ExitReason) -> Option<Value> {
        self.exit_reason?;
        Some(Value::data(
            self.signal?,
            DOWN,
            vec![
                Value::Int(i64::try_from(mref).unwrap_or(i64::MAX)),
                Value::Pid(from.clone()),
                self.reason_value(r),
            ],
        ))
    }
}

/// Puts `msg` in `to`'s mailbox (dropped if `to` is dead), counting `to` as active again
/// if it was parked.
pub fn deliver(shared: &Shared, to: &ProcessRef, msg: Value) -> Delivery {
    to.mailbox.push_with(msg, || shared.sched().enter())
}

/// Sends an exit signal with `reason` from `from` to `to` (see the module docs);
/// `untrappable` for a kill. A process signalling itself with `Normal` ends too.
pub fn send_exit(
    shared: &Shared,
    from: &Arc<ProcessRef>,
    to: &ProcessRef,
    reason: &ExitReason,
    untrappable: bool,
) -> SignalEffect {
    let types = shared.signal_types();
    to.mailbox.signal_exit(
        reason,
        untrappable,
        from.id == to.id,
        || types.exit_message(from, reason),
        || shared.sched().enter(),
    )
}

/// Links `me` and `other` (both ways). A dead `other` sends `me` a `Noproc` exit signal.
pub fn link(shared: &Shared, me: &Arc<ProcessRef>, other: &Arc<ProcessRef>) {
    if me.id == other.id {
        return;
    }
    let added = other.mailbox.with_ties(|t| {
        if !t.links.iter().any(|p| p.id == me.id) {
            t.links.push(me.clone());
        }
    });
    if added.is_none() {
        send_exit(shared, other, me, &ExitReason::Noproc, false);
        return;
    }
    me.mailbox.with_ties(|t| {
        if !t.links.iter().any(|p| p.id == other.id) {
            t.links.push(other.clone());
        }
    });
    // `other` may have died in between: its signal reached us, so drop the stale link.
    if other.mailbox.is_closed() {
        unlink_one(me, other.id);
    }
}

/// Removes `id` from `p`'s links.
fn unlink_one(p: &ProcessRef, id: u64) {
    p.mailbox.with_existing_ties(|t| {
        if let Some(i) = t.links.iter().position(|q| q.id == id) {
            t.links.swap_remove(i);
        }
    });
}

/// Starts a monitor of `target` for `watcher`; returns its reference. A dead target sends
/// `Down(ref, target, Noproc)` at once.
pub fn monitor(shared: &Shared, watcher: &Arc<ProcessRef>, target: &Arc<ProcessRef>) -> u64 {
    let mref = shared.sched().next_ref();
    let added = target
        .mailbox
        .with_ties(|t| t.monitors.push((mref, Watcher::Process(watcher.clone()))));
    if added.is_none() {
        let reason = target
            .mailbox
            .exit_reason()
            .map(|_| ExitReason::Noproc)
            .unwrap_or(ExitReason::Noproc);
        if let Some(msg) = shared.signal_types().down_message(mref, target, &reason) {
            deliver(shared, watcher, msg);
        }
    }
    mref
}

/// Registers a runtime-internal observer of `target`'s end; `None` if it is already dead.
/// Returns the reference to pass to [`demonitor`].
pub fn observe(
    shared: &Shared,
    target: &ProcessRef,
    on_exit: Box<dyn FnOnce(&ExitReason) + Send>,
) -> Option<u64> {
    let mref = shared.sched().next_ref();
    target
        .mailbox
        .with_ties(|t| t.monitors.push((mref, Watcher::Notify(on_exit))))
        .map(|_| mref)
}

/// Removes monitor `mref` from `target`; false if it was not there (any more).
pub fn demonitor(target: &ProcessRef, mref: u64) -> bool {
    let removed = target.mailbox.with_existing_ties(|t| {
        t.monitors
            .iter()
            .position(|(r, _)| *r == mref)
            .map(|i| t.monitors.swap_remove(i))
    });
    // The watcher (a closure) is dropped here, outside the target's lock.
    matches!(removed, Some(Some(_)))
}

/// Registers `pid` under `name`: false if the name is taken or the process is dead.
pub fn register(shared: &Shared, name: &str, pid: &Arc<ProcessRef>) -> bool {
    let mut names = shared
        .sched()
        .names
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if names.contains_key(name) {
        return false;
    }
    let key: Arc<str> = name.into();
    // Under the registry lock, so that the process's death (which removes its names after
    // marking it dead) cannot slip in between.
    if pid
        .mailbox
        .with_ties(|t| t.names.push(key.clone()))
        .is_none()
    {
        return false;
    }
    names.insert(key, pid.clone());
    true
}

/// Removes the registration of `name`; false if it was not registered.
pub fn unregister(shared: &Shared, name: &str) -> bool {
    let removed = {
        let mut names = shared
            .sched()
            .names
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        names.remove(name)
    };
    match removed {
        Some(p) => {
            p.mailbox
                .with_existing_ties(|t| t.names.retain(|n| n.as_ref() != name));
            true
        }
        None => false,
    }
}

/// The process registered under `name`.
pub fn whereis(shared: &Shared, name: &str) -> Option<Arc<ProcessRef>> {
    let names = shared
        .sched()
        .names
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    names.get(name).cloned()
}

/// Marks `me` dead with `reason` and tells everyone who needs to know: the name registry,
/// linked processes, monitors, and a job's waiters (with `value`, the function's result
/// for a normal end). Does nothing if `me` is already dead.
pub fn finish(shared: &Shared, me: &Arc<ProcessRef>, reason: ExitReason, value: Option<Value>) {
    let Some(ties) = me.mailbox.finish(reason.clone()) else {
        return;
    };
    let Ties {
        links,
        monitors,
        names,
        attachment,
    } = *ties;
    if !names.is_empty() {
        let mut reg = shared
            .sched()
            .names
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        for n in &names {
            if reg.get(n).is_some_and(|p| p.id == me.id) {
                reg.remove(n);
            }
        }
    }
    if let Some(slot) = attachment.and_then(|a| a.downcast::<JobSlot>().ok()) {
        slot.complete(match (&reason, value) {
            (ExitReason::Normal, Some(v)) => Ok(v),
            (r, _) => Err(r.text()),
        });
    }
    for other in links {
        unlink_one(&other, me.id);
        send_exit(shared, me, &other, &reason, false);
    }
    for (mref, watcher) in monitors {
        match watcher {
            Watcher::Process(w) => {
                if let Some(msg) = shared.signal_types().down_message(mref, me, &reason) {
                    deliver(shared, &w, msg);
                }
            }
            Watcher::Notify(f) => f(&reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing;
    use mesh_vm::bytecode::{TypeDesc, VariantInfo};

    /// A shared program state whose type table has the std signal types.
    fn shared() -> Arc<Shared> {
        let mut p = testing::program();
        let v = |n: &str, fields: Vec<TypeDesc>| VariantInfo {
            name: n.into(),
            fields,
        };
        let reason_id = p.types.len() as u32;
        p.types.push(TypeInfo {
            name: "ExitReason".into(),
            kind: TypeKind::Sum(vec![
                v("Normal", vec![]),
                v("Shutdown", vec![]),
                v("Killed", vec![]),
                v("Noproc", vec![]),
                v("Error", vec![TypeDesc::String]),
            ]),
        });
        let r = TypeDesc::Named(reason_id, vec![]);
        let pid = TypeDesc::Opaque("Pid".into());
        p.types.push(TypeInfo {
            name: "Signal".into(),
            kind: TypeKind::Sum(vec![
                v("Exit", vec![pid.clone(), r.clone()]),
                v("Down", vec![TypeDesc::Int, pid, r]),
            ]),
        });
        Shared::new(p, vec![], crate::output::Output::memory().0).unwrap_or_else(|e| panic!("{e}"))
    }

    fn show(s: &Shared, v: &Value) -> String {
        mesh_vm::ops::display(v, &s.program().types)
    }

    fn queued(s: &Shared, p: &ProcessRef) -> Vec<String> {
        let mut q = std::collections::VecDeque::new();
        p.mailbox.drain_into(&mut q);
        q.iter().map(|v| show(s, v)).collect()
    }

    fn proc(id: u64) -> Arc<ProcessRef> {
        Arc::new(ProcessRef::new(id))
    }

    #[test]
    fn reasons_round_trip_through_mesh_values() {
        let s = shared();
        let t = s.signal_types();
        for r in [
            ExitReason::Normal,
            ExitReason::Shutdown,
            ExitReason::Killed,
            ExitReason::Noproc,
            ExitReason::Error("boom".into()),
        ] {
            assert_eq!(t.reason_of(&t.reason_value(&r)), Some(r));
        }
        assert_eq!(
            show(&s, &t.reason_value(&ExitReason::Error("x".into()))),
            "Error(x)"
        );
    }

    #[test]
    fn a_crash_propagates_over_links_to_non_trapping_processes() {
        let s = shared();
        let (a, b, c) = (proc(2), proc(3), proc(4));
        link(&s, &a, &b);
        link(&s, &a, &c);
        c.mailbox.set_trap_exit(true);
        finish(&s, &a, ExitReason::Error("boom".into()), None);
        assert_eq!(
            b.mailbox.take_exit_request(),
            Some(ExitReason::Error("boom".into()))
        );
        assert_eq!(c.mailbox.take_exit_request(), None);
        assert_eq!(queued(&s, &c), ["Exit(#PID<0.2.0>, Error(boom))"]);
        // The links are gone on both sides.
        assert_eq!(b.mailbox.with_existing_ties(|t| t.links.len()), Some(0));
    }

    #[test]
    fn normal_exits_only_reach_trapping_processes() {
        let s = shared();
        let (a, b, c) = (proc(2), proc(3), proc(4));
        link(&s, &a, &b);
        link(&s, &c, &a);
        c.mailbox.set_trap_exit(true);
        finish(&s, &a, ExitReason::Normal, None);
        assert_eq!(b.mailbox.take_exit_request(), None);
        assert!(!b.mailbox.has_messages());
        assert_eq!(queued(&s, &c), ["Exit(#PID<0.2.0>, Normal)"]);
    }

    #[test]
    fn kills_are_untrappable_but_a_killed_link_is_trappable() {
        let s = shared();
        let (a, b) = (proc(2), proc(3));
        b.mailbox.set_trap_exit(true);
        link(&s, &a, &b);
        assert_eq!(
            send_exit(&s, &b, &a, &ExitReason::Killed, true),
            SignalEffect::Ending
        );
        a.mailbox.set_trap_exit(true);
        assert_eq!(
            send_exit(&s, &b, &a, &ExitReason::Killed, true),
            SignalEffect::Ending
        );
        finish(&s, &a, ExitReason::Killed, None);
        assert_eq!(b.mailbox.take_exit_request(), None);
        assert_eq!(queued(&s, &b), ["Exit(#PID<0.2.0>, Killed)"]);
    }

    #[test]
    fn linking_or_monitoring_a_dead_process_gives_noproc() {
        let s = shared();
        let (a, dead) = (proc(2), proc(3));
        finish(&s, &dead, ExitReason::Normal, None);
        a.mailbox.set_trap_exit(true);
        link(&s, &a, &dead);
        let r = monitor(&s, &a, &dead);
        assert_eq!(
            queued(&s, &a),
            [
                "Exit(#PID<0.3.0>, Noproc)".to_string(),
                format!("Down({r}, #PID<0.3.0>, Noproc)")
            ]
        );
        a.mailbox.set_trap_exit(false);
        link(&s, &a, &dead);
        assert_eq!(a.mailbox.take_exit_request(), Some(ExitReason::Noproc));
    }

    #[test]
    fn monitors_fire_once_and_can_be_removed() {
        let s = shared();
        let (w, t) = (proc(2), proc(3));
        let r1 = monitor(&s, &w, &t);
        let r2 = monitor(&s, &w, &t);
        assert!(demonitor(&t, r2));
        assert!(!demonitor(&t, r2));
        finish(&s, &t, ExitReason::Shutdown, None);
        finish(&s, &t, ExitReason::Normal, None);
        assert_eq!(
            queued(&s, &w),
            [format!("Down({r1}, #PID<0.3.0>, Shutdown)")]
        );
        assert!(!demonitor(&t, r1));
    }

    #[test]
    fn names_are_released_when_their_process_ends() {
        let s = shared();
        let (a, b) = (proc(2), proc(3));
        assert!(register(&s, "a", &a));
        assert!(register(&s, "a2", &a));
        assert!(!register(&s, "a", &b));
        assert!(whereis(&s, "a").is_some_and(|p| p.id == 2));
        assert!(unregister(&s, "a2"));
        assert!(!unregister(&s, "a2"));
        finish(&s, &a, ExitReason::Normal, None);
        assert!(whereis(&s, "a").is_none());
        assert!(
            !register(&s, "x", &a),
            "a dead process cannot be registered"
        );
        assert!(register(&s, "a", &b));
    }
}
