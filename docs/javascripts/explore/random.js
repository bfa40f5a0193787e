// The page's own seeded random numbers, for fresh initial weights and each epoch's order
// of the points: mulberry32 (Tommy Ettinger's 32-bit generator, public domain), normal
// draws by Box-Muller. A seed gives the same draws in every browser, so a link with a seed
// gives the same run; it is not numpy's generator and draws none of numpy's numbers (runs
// to compare with numpy start from the parameters numpy exports instead).

/** A generator of uniform, normal and shuffled draws, all from one 32-bit seed. */
export class Random {
  /** @param {number} seed an integer; only its low 32 bits count */
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /**
   * The next uniform draw in [0, 1), a multiple of 2^-32 (mulberry32's step).
   * @returns {number}
   */
  uniform() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * A draw from N(0, 1): Box-Muller on two uniform draws (the second normal it could give
   * is dropped, so each normal draw takes exactly two uniform ones).
   * @returns {number}
   */
  normal() {
    const u = 1 - this.uniform(); // in (0, 1]: log(u) is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.uniform());
  }

  /**
   * 0..n-1 in a random order (Fisher-Yates, from the last place down).
   * @param {number} n
   * @returns {Int32Array} (n,)
   */
  permutation(n) {
    const order = Int32Array.from({ length: n }, (_, k) => k);
    for (let k = n - 1; k > 0; k -= 1) {
      const j = Math.floor(this.uniform() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    return order;
  }
}
