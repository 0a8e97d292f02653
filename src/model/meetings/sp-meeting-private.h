/* sp-meeting-private.h — what the meeting files share inside the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-meeting.h"
#include "sp-meeting-action.h"
#include "sp-meeting-plan.h"
#include "sp-store-private.h"

G_BEGIN_DECLS

/* FALSE with SP_MEETING_ERROR_NOT_FOUND when the row @id of @table (one of ours) is missing. */
gboolean  sp_meeting_row_exists    (SpStore     *store,
                                    const char  *table,
                                    gint64       id,
                                    GError     **error);
/* Runs @sql (an UPDATE or DELETE with row @id of @table as ?1 and @text — or @value, 0 for
 * NULL — as ?2) as one edit labelled @label, after checking the row exists; @failure leads
 * the message when SQLite refuses. */
gboolean  sp_meeting_edit_row      (SpStore     *store,
                                    const char  *table,
                                    gint64       id,
                                    const char  *label,
                                    const char  *failure,
                                    const char  *sql,
                                    const char  *text,
                                    gint64       value,
                                    GError     **error);
/* Sets @error for a bad time ("HH:MM") and returns FALSE. */
gboolean  sp_meeting_check_time    (const char  *time,
                                    char         out[6],
                                    GError     **error);
/* Inserts a meeting inside the caller's edit; returns its id or 0. */
gint64    sp_meeting_insert        (SpStore               *store,
                                    SpMeetingKind          kind,
                                    SpMeetingReviewPeriod  period,
                                    const GDate           *day,
                                    const char            *time,
                                    const char            *title,
                                    GError               **error);

G_END_DECLS
