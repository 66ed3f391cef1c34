//! Which section is being read, kept up to date from visibility changes alone.
//!
//! The viewer's scroll-spy feeds it what an `IntersectionObserver` reports (one
//! section crossed the reading line, one crossed the bottom of the screen), so each
//! report costs O(log n) for the sections it names and nothing is ever re-measured.
//! Sections are numbered depth-first, the order of [`crate::Toc::entries`], which is
//! also their order on the page: a section's top is never below a later one's.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// A section's index. Its comparisons are what the sets cost; the tests count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Idx(usize);

impl Ord for Idx {
    fn cmp(&self, other: &Self) -> Ordering {
        #[cfg(test)]
        tests::COMPARISONS.with(|c| c.set(c.get() + 1));
        self.0.cmp(&other.0)
    }
}

impl PartialOrd for Idx {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The reading position of one viewer; see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionTracker {
    /// Sections whose top has reached the reading line (a third down the screen).
    above_line: BTreeSet<Idx>,
    /// Sections whose top is above the bottom of the screen.
    above_bottom: BTreeSet<Idx>,
    /// The end of the viewer is on screen: the last section with its top on
    /// screen is the one being read, even when too short to reach the line.
    at_end: bool,
    /// Set by a jump; holds while its heading is on screen and no later section has
    /// reached the reading line, so a short section stays marked after a jump.
    pinned: Option<usize>,
    /// A jump's scroll is still under way: the pin holds whatever is reported.
    arriving: bool,
}

impl SectionTracker {
    /// A tracker that has seen nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Section `i`'s top has (or has not) reached the reading line.
    pub fn set_above_line(&mut self, i: usize, yes: bool) {
        set(&mut self.above_line, i, yes);
    }

    /// Section `i`'s top is (or is not) above the bottom of the screen.
    pub fn set_above_bottom(&mut self, i: usize, yes: bool) {
        set(&mut self.above_bottom, i, yes);
    }

    /// The end of the viewer is (or is not) on screen.
    pub fn set_at_end(&mut self, yes: bool) {
        self.at_end = yes;
    }

    /// A jump to section `i` started: it is current until the scroll has arrived
    /// (see [`SectionTracker::arrived`]) and then while it stays in view.
    pub fn jump(&mut self, i: usize) {
        self.pinned = Some(i);
        self.arriving = true;
    }

    /// The jump's scroll has ended.
    pub fn arrived(&mut self) {
        self.arriving = false;
    }

    /// The section being read. `heading_in_view(p)` is asked only about a pinned
    /// section, at most once: is its heading still on screen?
    pub fn current(&mut self, heading_in_view: impl FnOnce(usize) -> bool) -> Option<usize> {
        if let Some(p) = self.pinned {
            if self.arriving {
                return Some(p);
            }
            let later_reached = self.above_line.last().is_some_and(|l| l.0 > p);
            if !later_reached && heading_in_view(p) {
                return Some(p);
            }
            self.pinned = None;
        }
        let set = if self.at_end {
            &self.above_bottom
        } else {
            &self.above_line
        };
        set.last().map(|i| i.0)
    }
}

fn set(s: &mut BTreeSet<Idx>, i: usize, yes: bool) {
    if yes {
        s.insert(Idx(i));
    } else {
        s.remove(&Idx(i));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Index comparisons made by the tracker's sets.
        pub(super) static COMPARISONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Scrolled so that sections `0..=line` have reached the line and `0..=bottom`
    /// are above the bottom of the screen.
    fn scrolled(t: &mut SectionTracker, n: usize, line: Option<usize>, bottom: Option<usize>) {
        for i in 0..n {
            t.set_above_line(i, line.is_some_and(|l| i <= l));
            t.set_above_bottom(i, bottom.is_some_and(|b| i <= b));
        }
    }

    #[test]
    fn the_last_section_past_the_reading_line_is_current() {
        let mut t = SectionTracker::new();
        assert_eq!(t.current(|_| true), None);
        scrolled(&mut t, 5, Some(2), Some(3));
        assert_eq!(t.current(|_| unreachable!()), Some(2));
        scrolled(&mut t, 5, None, Some(1));
        assert_eq!(t.current(|_| true), None, "above the first section");
    }

    #[test]
    fn at_the_end_the_last_section_on_screen_is_current() {
        let mut t = SectionTracker::new();
        scrolled(&mut t, 5, Some(3), Some(4));
        t.set_at_end(true);
        assert_eq!(t.current(|_| true), Some(4));
        t.set_at_end(false);
        assert_eq!(t.current(|_| true), Some(3));
    }

    #[test]
    fn a_jump_holds_while_arriving_then_while_its_heading_is_in_view() {
        let mut t = SectionTracker::new();
        scrolled(&mut t, 5, Some(1), Some(3));
        t.jump(3);
        // The smooth scroll passes other sections: the pin holds.
        scrolled(&mut t, 5, Some(4), Some(4));
        assert_eq!(t.current(|_| false), Some(3));
        t.arrived();
        // Arrived, but the section is too short to reach the reading line.
        scrolled(&mut t, 5, Some(2), Some(4));
        assert_eq!(t.current(|p| p == 3), Some(3));
        // A later section reaches the line: the pin is released for good.
        scrolled(&mut t, 5, Some(4), Some(4));
        assert_eq!(t.current(|_| true), Some(4));
        scrolled(&mut t, 5, Some(2), Some(4));
        assert_eq!(t.current(|_| true), Some(2));
    }

    #[test]
    fn a_pin_is_released_when_its_heading_leaves_the_screen() {
        let mut t = SectionTracker::new();
        scrolled(&mut t, 5, Some(1), Some(3));
        t.jump(2);
        t.arrived();
        assert_eq!(t.current(|_| false), Some(1));
    }

    #[test]
    fn reports_out_of_order_and_repeated_are_harmless() {
        let mut t = SectionTracker::new();
        t.set_above_line(7, true);
        t.set_above_line(2, true);
        t.set_above_line(7, true);
        assert_eq!(t.current(|_| true), Some(7));
        t.set_above_line(7, false);
        t.set_above_line(7, false);
        assert_eq!(t.current(|_| true), Some(2));
    }

    /// Scrolls an article of `n` sections top to bottom and back, one section at a
    /// time, reporting only what changed, as the observers do; checks the current
    /// section at every step and returns the comparisons made.
    fn scroll_through(n: usize) -> usize {
        COMPARISONS.with(|c| c.set(0));
        let mut s = SectionTracker::new();
        for i in 0..n {
            s.set_above_bottom(i, true);
            s.set_above_line(i, true);
            assert_eq!(s.current(|_| true), Some(i));
        }
        s.set_at_end(true);
        assert_eq!(s.current(|_| true), Some(n - 1));
        s.set_at_end(false);
        for i in (1..n).rev() {
            s.set_above_line(i, false);
            s.set_above_bottom(i, false);
            assert_eq!(s.current(|_| true), Some(i - 1));
        }
        COMPARISONS.with(|c| c.get())
    }

    #[test]
    fn a_scroll_through_costs_n_log_n() {
        let (c1, c10) = (scroll_through(4_000), scroll_through(40_000));
        // O(log n) per report: about 12x for 10x the sections (n log n); measuring
        // every section per report would be 100x.
        assert!(
            c10 < 16 * c1,
            "4,000 sections: {c1} comparisons, 40,000: {c10}"
        );
        assert!(c10 > 9 * c1, "{c1}, then {c10}: the test measures nothing");
    }
}
