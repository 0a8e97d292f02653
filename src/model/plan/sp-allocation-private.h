/* sp-allocation-private.h — what the allocation files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-allocation.h"

G_BEGIN_DECLS

/* total * weight needs up to 126 bits; a sum of weights up to 95. */
__extension__ typedef __int128 Int128;

/* @value clamped to the gint64 range. */
gint64 sp_allocation_saturate (Int128 value);

G_END_DECLS
