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

/* kappa^alpha (1-kappa)^beta normalised to peak 1 at alpha/(alpha+beta);
 * pow(0, 0) is 1 in C, as MODEL.md asks. */
double samen_appeal(double kappa, double alpha, double beta)
{
    double s = alpha + beta;
    double peak = (s > 0) ? pow(alpha, alpha) * pow(beta, beta) / pow(s, s) : 1;
    if (peak <= 0)
        return 0;
    double v = pow(kappa, alpha) * pow(1 - kappa, beta) / peak;
    return v > 1 ? 1 : v;
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
