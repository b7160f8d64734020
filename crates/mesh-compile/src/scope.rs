//! Where each local lives while a function is compiled, and the enclosing loops.
//!
//! Local ids are unique within a top-level function (lambdas included), so a flat table
//! indexed by id is enough: no shadowing to undo at scope exit. Registers of a finished
//! scope are reclaimed by the stack allocator; the stale entries are never looked up again.

use crate::builder::Label;
use mesh_check::tir::LocalId;
use mesh_vm::Reg;
use std::collections::HashMap;

/// The home of a local.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A register of the current frame.
    Reg(Reg),
    /// The running closure itself (the `self_local` of a named lambda): read with
    /// `LoadSelf`, so the closure never has to capture itself.
    SelfClosure,
}

/// Ids below this live in the dense table; larger ones (never produced by the checker,
/// whose ids are below `num_locals`) go to a map instead of a huge allocation.
const DENSE_LIMIT: usize = 1 << 20;

/// Local id → slot.
#[derive(Default)]
pub(crate) struct Scope {
    slots: Vec<Option<Slot>>,
    sparse: HashMap<LocalId, Slot>,
}

impl Scope {
    /// A table pre-sized for `num_locals` ids (it grows if an id is larger).
    pub fn new(num_locals: u32) -> Scope {
        Scope {
            slots: vec![None; (num_locals as usize).min(DENSE_LIMIT)],
            sparse: HashMap::new(),
        }
    }

    /// Records the slot of `id`.
    pub fn set(&mut self, id: LocalId, slot: Slot) {
        let i = id.0 as usize;
        if i >= DENSE_LIMIT {
            self.sparse.insert(id, slot);
            return;
        }
        if i >= self.slots.len() {
            self.slots.resize(i + 1, None);
        }
        self.slots[i] = Some(slot);
    }

    /// The slot of `id`, if it was bound.
    pub fn get(&self, id: LocalId) -> Option<Slot> {
        match self.slots.get(id.0 as usize) {
            Some(s) => *s,
            None => self.sparse.get(&id).copied(),
        }
    }
}

/// The jump targets of the innermost enclosing loop.
#[derive(Clone, Copy)]
pub(crate) struct LoopCtx {
    /// Where `break` goes: the loop exit (a `for` result is already in its accumulator).
    pub break_to: Label,
    /// Where `continue` goes: the next iteration.
    pub continue_to: Label,
}
