//! A small QR code encoder for the share panel: byte mode, error correction level
//! M, versions 1 to 10 (up to 213 bytes, enough for a page URL). Written here
//! rather than taken from a crate to keep the wasm small (ISO/IEC 18004; the
//! layout steps follow Nayuki's reference implementation).

/// Level M per version: EC codewords per block, blocks in group 1, data codewords
/// per group-1 block, blocks in group 2 (which hold one data codeword more).
const BLOCKS: [(usize, usize, usize, usize); 10] = [
    (10, 1, 16, 0),
    (16, 1, 28, 0),
    (26, 1, 44, 0),
    (18, 2, 32, 0),
    (24, 2, 43, 0),
    (16, 4, 27, 0),
    (18, 4, 31, 0),
    (22, 2, 38, 2),
    (22, 3, 36, 2),
    (26, 4, 43, 1),
];

/// Alignment pattern centres per version.
const ALIGN: [&[usize]; 10] = [
    &[],
    &[6, 18],
    &[6, 22],
    &[6, 26],
    &[6, 30],
    &[6, 34],
    &[6, 22, 38],
    &[6, 24, 42],
    &[6, 26, 46],
    &[6, 28, 50],
];

/// A QR code: `size`×`size` modules, dark or light.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Qr {
    /// Modules per side (21 for version 1, +4 per version).
    pub(crate) size: usize,
    dark: Vec<bool>,
    function: Vec<bool>,
}

impl Qr {
    /// True when the module at column `x`, row `y` is dark.
    pub(crate) fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    fn set(&mut self, x: usize, y: usize, dark: bool) {
        self.dark[y * self.size + x] = dark;
        self.function[y * self.size + x] = true;
    }
}

/// Encodes `data`, or `None` when it is longer than version 10 holds.
pub(crate) fn encode(data: &[u8]) -> Option<Qr> {
    let (version, (ec, b1, d1, b2)) = (1..=10).map(|v| (v, BLOCKS[v - 1])).find(|&(v, b)| {
        let count_bits = if v < 10 { 8 } else { 16 };
        4 + count_bits + 8 * data.len() <= 8 * (b.1 * b.2 + b.3 * (b.2 + 1))
    })?;
    let capacity = b1 * d1 + b2 * (d1 + 1);

    // Mode, length, bytes, terminator, then pad codewords.
    let mut bits = Vec::with_capacity(capacity * 8);
    let mut push =
        |value: usize, n: usize| (0..n).rev().for_each(|i| bits.push((value >> i) & 1 != 0));
    push(0b0100, 4);
    push(data.len(), if version < 10 { 8 } else { 16 });
    data.iter().for_each(|&b| push(usize::from(b), 8));
    let room = capacity * 8 - bits.len();
    bits.extend(std::iter::repeat_n(false, room.min(4)));
    while bits.len() % 8 != 0 {
        bits.push(false);
    }
    let mut codewords: Vec<u8> = bits
        .chunks(8)
        .map(|c| c.iter().fold(0, |acc, &b| acc << 1 | u8::from(b)))
        .collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if codewords.len() >= capacity {
            break;
        }
        codewords.push(pad);
    }

    // Blocks with their error correction, interleaved.
    let gf = Gf::new();
    let generator = gf.generator(ec);
    let mut blocks = Vec::new();
    let mut at = 0;
    for i in 0..b1 + b2 {
        let len = d1 + usize::from(i >= b1);
        blocks.push(&codewords[at..at + len]);
        at += len;
    }
    let ecc: Vec<Vec<u8>> = blocks.iter().map(|b| gf.remainder(b, &generator)).collect();
    let mut stream = Vec::with_capacity(capacity + ec * blocks.len());
    for i in 0..=d1 {
        stream.extend(blocks.iter().filter_map(|b| b.get(i)));
    }
    for i in 0..ec {
        stream.extend(ecc.iter().map(|e| e[i]));
    }

    let mut qr = function_patterns(version);
    place(&mut qr, &stream);
    (0..8)
        .map(|mask| {
            let mut q = qr.clone();
            apply_mask(&mut q, mask);
            draw_format(&mut q, mask);
            (penalty(&q), q)
        })
        .min_by_key(|(p, _)| *p)
        .map(|(_, q)| q)
}

struct Gf {
    exp: [u8; 256],
    log: [u8; 256],
}

impl Gf {
    fn new() -> Gf {
        let (mut exp, mut log) = ([0u8; 256], [0u8; 256]);
        let mut x: u16 = 1;
        for (i, e) in exp.iter_mut().enumerate().take(255) {
            *e = x as u8;
            log[usize::from(x)] = i as u8;
            x <<= 1;
            if x & 0x100 != 0 {
                x ^= 0x11D;
            }
        }
        Gf { exp, log }
    }

    fn mul(&self, a: u8, b: u8) -> u8 {
        if a == 0 || b == 0 {
            return 0;
        }
        self.exp
            [(usize::from(self.log[usize::from(a)]) + usize::from(self.log[usize::from(b)])) % 255]
    }

    /// The generator polynomial of degree `n`, highest coefficient first.
    fn generator(&self, n: usize) -> Vec<u8> {
        let mut g = vec![1u8];
        for i in 0..n {
            let mut next = vec![0u8; g.len() + 1];
            for (j, &c) in g.iter().enumerate() {
                next[j] ^= c;
                next[j + 1] ^= self.mul(c, self.exp[i]);
            }
            g = next;
        }
        g
    }

    /// `data` × x^n mod `generator`: the error correction codewords.
    fn remainder(&self, data: &[u8], generator: &[u8]) -> Vec<u8> {
        let n = generator.len() - 1;
        let mut r = vec![0u8; n];
        for &d in data {
            let factor = d ^ r[0];
            r.rotate_left(1);
            r[n - 1] = 0;
            for (j, g) in generator[1..].iter().enumerate() {
                r[j] ^= self.mul(*g, factor);
            }
        }
        r
    }
}

fn function_patterns(version: usize) -> Qr {
    let size = 17 + 4 * version;
    let mut q = Qr {
        size,
        dark: vec![false; size * size],
        function: vec![false; size * size],
    };
    for i in 0..size {
        q.set(6, i, i % 2 == 0);
        q.set(i, 6, i % 2 == 0);
    }
    for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
        for dy in -4i32..=4 {
            for dx in -4i32..=4 {
                let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                if (0..size as i32).contains(&x) && (0..size as i32).contains(&y) {
                    let d = dx.abs().max(dy.abs());
                    q.set(x as usize, y as usize, d != 2 && d != 4);
                }
            }
        }
    }
    let centres = ALIGN[version - 1];
    let last = centres.len().saturating_sub(1);
    for (i, &cy) in centres.iter().enumerate() {
        for (j, &cx) in centres.iter().enumerate() {
            // Not on the finder patterns.
            if (i == 0 && (j == 0 || j == last)) || (i == last && j == 0) {
                continue;
            }
            for dy in -2i32..=2 {
                for dx in -2i32..=2 {
                    let d = dx.abs().max(dy.abs());
                    q.set((cx as i32 + dx) as usize, (cy as i32 + dy) as usize, d != 1);
                }
            }
        }
    }
    // Reserve the format areas; draw_format fills them.
    draw_format(&mut q, 0);
    if version >= 7 {
        let mut rem = version;
        for _ in 0..12 {
            rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
        }
        let bits = version << 12 | rem;
        for i in 0..18 {
            let bit = (bits >> i) & 1 != 0;
            let (a, b) = (size - 11 + i % 3, i / 3);
            q.set(a, b, bit);
            q.set(b, a, bit);
        }
    }
    q
}

fn draw_format(q: &mut Qr, mask: usize) {
    // Level M is 00.
    let data = mask;
    let mut rem = data;
    for _ in 0..10 {
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    }
    let bits = (data << 10 | rem) ^ 0x5412;
    let bit = |i: usize| (bits >> i) & 1 != 0;
    let size = q.size;
    for i in 0..6 {
        q.set(8, i, bit(i));
    }
    q.set(8, 7, bit(6));
    q.set(8, 8, bit(7));
    q.set(7, 8, bit(8));
    for i in 9..15 {
        q.set(14 - i, 8, bit(i));
    }
    for i in 0..8 {
        q.set(size - 1 - i, 8, bit(i));
    }
    for i in 8..15 {
        q.set(8, size - 15 + i, bit(i));
    }
    q.set(8, size - 8, true);
}

/// Data bits in the zigzag order, two columns at a time from the right.
fn place(q: &mut Qr, stream: &[u8]) {
    let size = q.size;
    let mut i = 0;
    let mut right = size - 1;
    loop {
        if right == 6 {
            right = 5;
        }
        for vert in 0..size {
            for j in 0..2 {
                let x = right - j;
                let y = if (right + 1) & 2 == 0 {
                    size - 1 - vert
                } else {
                    vert
                };
                if !q.function[y * size + x] && i < stream.len() * 8 {
                    q.dark[y * size + x] = (stream[i >> 3] >> (7 - (i & 7))) & 1 != 0;
                    i += 1;
                }
            }
        }
        if right < 2 {
            break;
        }
        right -= 2;
    }
}

fn apply_mask(q: &mut Qr, mask: usize) {
    let size = q.size;
    for y in 0..size {
        for x in 0..size {
            let invert = match mask {
                0 => (x + y) % 2 == 0,
                1 => y % 2 == 0,
                2 => x % 3 == 0,
                3 => (x + y) % 3 == 0,
                4 => (x / 3 + y / 2) % 2 == 0,
                5 => x * y % 2 + x * y % 3 == 0,
                6 => (x * y % 2 + x * y % 3) % 2 == 0,
                _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
            };
            if invert && !q.function[y * size + x] {
                q.dark[y * size + x] ^= true;
            }
        }
    }
}

/// Penalty rules 1 (runs), 2 (2×2 blocks) and 4 (balance); rule 3 is left out,
/// which only makes the choice of mask a little less picky.
fn penalty(q: &Qr) -> usize {
    let n = q.size;
    let mut p = 0;
    for horizontal in [true, false] {
        for a in 0..n {
            let mut run = 1;
            for b in 1..n {
                let (cur, prev) = if horizontal {
                    (q.is_dark(b, a), q.is_dark(b - 1, a))
                } else {
                    (q.is_dark(a, b), q.is_dark(a, b - 1))
                };
                if cur == prev {
                    run += 1;
                    if run == 5 {
                        p += 3;
                    } else if run > 5 {
                        p += 1;
                    }
                } else {
                    run = 1;
                }
            }
        }
    }
    for y in 0..n - 1 {
        for x in 0..n - 1 {
            let c = q.is_dark(x, y);
            if c == q.is_dark(x + 1, y) && c == q.is_dark(x, y + 1) && c == q.is_dark(x + 1, y + 1)
            {
                p += 3;
            }
        }
    }
    let dark = q.dark.iter().filter(|&&d| d).count();
    let total = n * n;
    p + (dark * 20).abs_diff(total * 10) / total * 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reed_solomon_matches_the_standard_example() {
        // ISO/IEC 18004 annex I: "01234567" at 1-M.
        let gf = Gf::new();
        let data = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
            0xEC, 0x11,
        ];
        assert_eq!(
            gf.remainder(&data, &gf.generator(10)),
            [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]
        );
    }

    #[test]
    fn picks_the_smallest_version_and_refuses_what_does_not_fit() {
        assert_eq!(encode(&[b'a'; 14]).unwrap().size, 21);
        assert_eq!(encode(&[b'a'; 15]).unwrap().size, 25);
        assert_eq!(encode(&[b'a'; 213]).unwrap().size, 57);
        assert!(encode(&[b'a'; 214]).is_none());
    }

    #[test]
    fn finder_and_timing_patterns_are_in_place() {
        let q = encode(b"http://127.0.0.1:8080/#sec-1").unwrap();
        let row: Vec<bool> = (0..7).map(|x| q.is_dark(x, 0)).collect();
        assert_eq!(row, [true; 7]);
        assert!(!q.is_dark(7, 0) && !q.is_dark(1, 1) && q.is_dark(2, 2));
        assert!(q.is_dark(8, 6) && !q.is_dark(9, 6) && q.is_dark(10, 6));
        assert!(q.is_dark(8, q.size - 8), "dark module");
    }
}
