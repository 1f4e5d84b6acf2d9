/* fit.c: the pure functions of the model: cosine fit, the IK appeal curve,
 * room for contribution, rate to probability (MODEL.md 2 and 4.1). */
#include <math.h>

#include "model/state.h"

double samen_fit(const double *a, const double *b, int k)
{
    double ab = 0, aa = 0, bb = 0;
    for (int i = 0; i < k; i++) {
        ab += a[i] * b[i];
        aa += a[i] * a[i];
        bb += b[i] * b[i];
    }
    if (aa <= 0 || bb <= 0)
        return 0;
    double f = ab / sqrt(aa * bb);
    /* rounding can push a perfect fit a hair past 1 */
    return f > 1 ? 1 : f;
}

/* alpha ln(kappa/p) + beta ln((1-kappa)/(1-p)), with p = alpha/(alpha+beta)
 * the peak: kappa^alpha (1-kappa)^beta normalised to 1 at the peak, in logs
 * so that any alpha, beta >= 0 stay finite. A zero exponent contributes
 * nothing (0^0 = 1). */
static double log_term(double e, double x, double at_peak)
{
    return e == 0 ? 0 : e * (log(x) - log(at_peak));
}

double samen_appeal(double kappa, double alpha, double beta)
{
    if (alpha == 0 && beta == 0)
        return 1;
    /* p = alpha / (alpha + beta) without forming a sum that may overflow */
    double p = alpha >= beta ? 1 / (1 + beta / alpha) : (alpha / beta) / (1 + alpha / beta);
    double l = log_term(alpha, kappa, p) + log_term(beta, 1 - kappa, 1 - p);
    if (isnan(l))
        return kappa == p ? 1 : 0; /* huge exponents: a spike at the peak */
    return l >= 0 ? 1 : exp(l);
}

double samen_room(double kappa, double room_exp)
{
    return 1 - pow(kappa, room_exp);
}

double samen_rate_prob(double h)
{
    return h > 0 ? -expm1(-h) : 0;
}

void samen_unit(double *v, int k)
{
    double s = 0;
    for (int i = 0; i < k; i++)
        s += v[i] * v[i];
    if (s <= 0)
        return;
    s = sqrt(s);
    for (int i = 0; i < k; i++)
        v[i] /= s;
}
