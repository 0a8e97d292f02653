/* sp-team-private.h — what the roster's edits share: a rep's row, date and name checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  region_id;  /* 0: none */
  char   *name;
  char   *hired_on;   /* NULL: unknown */
  char   *left_on;    /* NULL: on the team */
} SpRepRow;

void      sp_rep_row_clear      (SpRepRow    *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpRepRow, sp_rep_row_clear)

/* Reads rep @id; SP_STORE_ERROR_NOT_FOUND when there is none. */
gboolean  sp_rep_row_load       (sqlite3     *db,
                                 gint64       id,
                                 SpRepRow    *row,
                                 GError     **error);
/* A strict ISO date, else SP_STORE_ERROR_INVALID "Invalid date …". */
gboolean  sp_team_check_day     (const char  *text,
                                 GError     **error);
/* @name without the spaces around it; NULL with SP_STORE_ERROR_INVALID @empty_message
 * when nothing is left. */
char     *sp_team_trim_name     (const char  *name,
                                 const char  *empty_message,
                                 GError     **error);
/* The region's name, NULL (with SP_STORE_ERROR_NOT_FOUND) when there is none. */
char     *sp_team_region_name   (sqlite3     *db,
                                 gint64       region_id,
                                 GError     **error);
/* Whether another rep than @except_id is called @name in @region_id (0: no region). */
gboolean  sp_team_rep_name_taken (sqlite3    *db,
                                  const char *name,
                                  gint64      region_id,
                                  gint64      except_id,
                                  gboolean   *taken,
                                  GError    **error);

G_END_DECLS
