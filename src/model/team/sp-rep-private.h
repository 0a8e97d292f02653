/* sp-rep-private.h — the rep lookup by name on the raw connection, for the importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-rep.h"
#include "sp-store-private.h"

G_BEGIN_DECLS

/* What sp_rep_lookup() gives for a name that fits several reps. */
#define SP_REP_AMBIGUOUS G_GINT64_CONSTANT (-1)

/* The rule of sp_rep_find_by_name() on @db, for code that resolves many names inside its own
 * transaction: @id_out is the rep's id, 0 when there is none, SP_REP_AMBIGUOUS when the name
 * does not say which. FALSE (with @error) only when the query fails. @name is taken as is. */
gboolean  sp_rep_lookup  (sqlite3     *db,
                          const char  *name,
                          gint64       region_id,
                          gint64      *id_out,
                          GError     **error);

G_END_DECLS
