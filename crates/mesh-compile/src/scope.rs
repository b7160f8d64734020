//! Where each local lives while a function is compiled, and the enclosing loops.
//!
//! Local ids are unique within a top-level function (lambdas included), so a flat table
//! indexed by id is enough: no shadowing to undo at scope exit. Registers of a finished
//! scope are reclaimed by the stack allocator; the stale entries are never looked up again.

use crate::builder::Label;
use mesh_check::tir::LocalId;
use mesh_vm::Reg;

/// The home of a local.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A register of the current frame.
    Reg(Reg),
    /// The running closure itself (the `self_local` of a named lambda): read with
    /// `LoadSelf`, so the closure never has to capture itself.
    SelfClosure,
}

/// Local id → slot.
#[derive(Default)]
pub(crate) struct Scope {
    slots: Vec<Option<Slot>>,
}

impl Scope {
    /// A table pre-sized for `num_locals` ids (it grows if an id is larger).
    pub fn new(num_locals: u32) -> Scope {
        Scope {
            slots: vec![None; num_locals.min(1 << 16) as usize],
        }
    }

    /// Records the slot of `id`.
    pub fn set(&mut self, id: LocalId, slot: Slot) {
        let i = id.0 as usize;
        if i >= self.slots.len() {
            self.slots.resize(i + 1, None);
        }
        self.slots[i] = Some(slot);
    }

    /// The slot of `id`, if it was bound.
    pub fn get(&self, id: LocalId) -> Option<Slot> {
        self.slots.get(id.0 as usize).copied().flatten()
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
