//! The reader's place in each article, kept in `localStorage` so a reload, a tab
//! the phone discarded, back / forward or a later visit can return to it. Pure
//! logic (storage form, least-recently-read eviction, what to do on arrival), so
//! it is tested natively; `hooks::use_place` measures and scrolls.

/// The `localStorage` key, beside `av:prefs`.
pub const PLACES_KEY: &str = "av:places";

/// At most this many articles keep a place; the least recently read goes first.
pub const MAX_PLACES: usize = 200;

/// Where the reader is: a section (the one the scroll-spy and the URL name), and how
/// far the landing line is through it, in thousandths of the way from its heading to
/// the next one (negative while the heading is still below that line), so it
/// survives other text sizes and widths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Section id, without an embedded viewer's prefix.
    pub section: String,
    /// Thousandths of the way from this heading to the next, -1000 to 1000.
    pub permille: i16,
}

/// Ids in the storage form: what the format allows for article and section ids.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Every article's place, the most recently read first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Places(Vec<(String, Place)>);

impl Places {
    /// Reads `id,section,permille;…`; broken entries are skipped, so a hand-edited
    /// or older value never stops the page.
    pub fn decode(s: &str) -> Places {
        let mut v: Vec<(String, Place)> = Vec::new();
        for entry in s.split(';') {
            let mut f = entry.split(',');
            let (Some(id), Some(section), Some(pm), None) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let Ok(permille) = pm.parse::<i16>() else {
                continue;
            };
            if is_id(id) && is_id(section) && !v.iter().any(|(i, _)| i == id) {
                let section = section.to_owned();
                v.push((
                    id.to_owned(),
                    Place {
                        section,
                        permille: permille.min(1000),
                    },
                ));
            }
        }
        v.truncate(MAX_PLACES);
        Places(v)
    }

    /// The storage form.
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|(id, p)| format!("{id},{},{}", p.section, p.permille))
            .collect::<Vec<_>>()
            .join(";")
    }

    /// The place kept for article `id`.
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.0.iter().find(|(i, _)| i == id).map(|(_, p)| p)
    }

    /// Keeps `place` for article `id` as the most recent (evicting the least recent
    /// past [`MAX_PLACES`]), or forgets the article (`None`: back at its start).
    pub fn put(&mut self, id: &str, place: Option<Place>) {
        self.0.retain(|(i, _)| i != id);
        if let Some(p) = place.filter(|p| is_id(id) && is_id(&p.section)) {
            self.0.insert(0, (id.to_owned(), p));
            self.0.truncate(MAX_PLACES);
        }
    }

    /// How many articles have a place.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no article has a place.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What to do when an article opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Go back to this place by itself: the reader is returning to this page
    /// (reload, back / forward, a restored tab) or its URL names the section kept.
    Return(Place),
    /// Offer to continue there (上次读到 …), never jumping by itself.
    Offer(Place),
    /// Nothing: the page opens at its start, or where its URL says.
    Stay,
}

/// Decides the [`Arrival`] from the kept `place`, the section the URL names and
/// whether the browser reports this load as a return (reload, back / forward, a
/// discarded tab restored).
pub fn arrival(place: Option<&Place>, url_section: Option<&str>, returning: bool) -> Arrival {
    match (place, url_section) {
        (Some(p), _) if returning => Arrival::Return(p.clone()),
        (Some(p), Some(s)) if p.section == s => Arrival::Return(p.clone()),
        // The URL names another section: the route lands there (on a return too,
        // where nothing else would).
        (_, Some(s)) if returning => Arrival::Return(Place {
            section: s.to_owned(),
            permille: 0,
        }),
        (_, Some(_)) => Arrival::Stay,
        (Some(p), None) => Arrival::Offer(p.clone()),
        (None, None) => Arrival::Stay,
    }
}

/// Thousandths of the way from `top` to `next` that `line` has reached (negative
/// above `top`), clamped to ±1000.
pub fn permille(line: f64, top: f64, next: f64) -> i16 {
    let span = next - top;
    if span <= 0.0 {
        return 0;
    }
    ((line - top) / span * 1000.0)
        .round()
        .clamp(-1000.0, 1000.0) as i16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str, pm: i16) -> Place {
        Place {
            section: s.to_owned(),
            permille: pm,
        }
    }

    #[test]
    fn round_trip_and_broken_entries_are_skipped() {
        let mut p = Places::default();
        p.put("a-1", Some(place("sec-3", 250)));
        p.put("b_2", Some(place("sec-1-2", 0)));
        assert_eq!(p.encode(), "b_2,sec-1-2,0;a-1,sec-3,250");
        assert_eq!(Places::decode(&p.encode()), p);
        let d =
            Places::decode("x,sec-1,9999;bad id,sec-1,1;y,sec-2;z,sec-2,abc;;x,sec-9,1;w,s,1,2");
        assert_eq!(d.encode(), "x,sec-1,1000");
        assert!(Places::decode("").is_empty());
    }

    #[test]
    fn reading_moves_an_article_to_the_front_and_the_oldest_is_evicted() {
        let mut p = Places::default();
        for i in 0..MAX_PLACES {
            p.put(&format!("a{i}"), Some(place("sec-1", 1)));
        }
        assert_eq!(p.len(), MAX_PLACES);
        // a0 is the oldest; reading it again saves it from eviction.
        p.put("a0", Some(place("sec-2", 5)));
        p.put("new", Some(place("sec-1", 1)));
        assert_eq!(p.len(), MAX_PLACES);
        assert_eq!(p.get("a0"), Some(&place("sec-2", 5)));
        assert_eq!(p.get("a1"), None);
        assert!(p.encode().starts_with("new,sec-1,1;a0,sec-2,5;"));
        p.put("a0", None);
        assert_eq!(p.get("a0"), None);
        assert_eq!(Places::decode(&p.encode()).len(), MAX_PLACES - 1);
    }

    #[test]
    fn a_return_goes_back_a_later_visit_is_offered() {
        let p = place("sec-3", 400);
        assert_eq!(arrival(Some(&p), None, true), Arrival::Return(p.clone()));
        assert_eq!(
            arrival(Some(&p), Some("sec-3"), false),
            Arrival::Return(p.clone())
        );
        assert_eq!(arrival(Some(&p), None, false), Arrival::Offer(p.clone()));
        assert_eq!(arrival(Some(&p), Some("sec-1"), false), Arrival::Stay);
        assert_eq!(
            arrival(None, Some("sec-2"), true),
            Arrival::Return(place("sec-2", 0))
        );
        assert_eq!(arrival(None, Some("sec-2"), false), Arrival::Stay);
        assert_eq!(arrival(None, None, true), Arrival::Stay);
    }

    #[test]
    fn permille_is_clamped() {
        assert_eq!(permille(150.0, 100.0, 200.0), 500);
        assert_eq!(permille(50.0, 100.0, 200.0), -500);
        assert_eq!(permille(500.0, 100.0, 200.0), 1000);
        assert_eq!(permille(-500.0, 100.0, 200.0), -1000);
        assert_eq!(permille(5.0, 100.0, 100.0), 0);
    }
}
