/* samen.h: the one include for users of the samen library. */
#ifndef SAMEN_H
#define SAMEN_H

#define SAMEN_VERSION "0.1.0"

#include "samen/error.h"
#include "samen/scenario.h"
#include "samen/sim.h"
#include "samen/run.h"
#include "samen/tables.h"

#endif
