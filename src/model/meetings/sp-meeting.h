/* sp-meeting.h — the eight meetings (两大类八项会议): their types and editable wording, and the
 * meetings of a workspace with what a held meeting records (attendees, notes per section)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-store.h"

G_BEGIN_DECLS

#define SP_MEETING_ERROR (sp_meeting_error_quark ())

typedef enum
{
  SP_MEETING_ERROR_INVALID,      /* a value refused; the message names it */
  SP_MEETING_ERROR_NOT_FOUND,    /* no meeting, action item or rep with that id */
} SpMeetingError;

/* The eight meeting types, in the order of the method: five for daily management, three for
 * motivation. The quarterly, half-year and annual reviews are one type (REVIEW) with a
 * period. */
typedef enum
{
  SP_MEETING_MORNING,   /* 早会 */
  SP_MEETING_EVENING,   /* 夕会 */
  SP_MEETING_WEEKLY,    /* 周例会 */
  SP_MEETING_MONTHLY,   /* 月度经营分析会 */
  SP_MEETING_REVIEW,    /* 季度/半年度/年度总结分析会 */
  SP_MEETING_SHARING,   /* 分享会 */
  SP_MEETING_COACHING,  /* 辅导会 */
  SP_MEETING_WORKSHOP,  /* 工作坊 */
} SpMeetingKind;

#define SP_MEETING_N_KINDS 8

typedef enum
{
  SP_MEETING_REVIEW_NONE,       /* not a review */
  SP_MEETING_REVIEW_QUARTER,    /* 季度 */
  SP_MEETING_REVIEW_HALF_YEAR,  /* 半年度 */
  SP_MEETING_REVIEW_YEAR,       /* 年度 */
} SpMeetingReviewPeriod;

/* The four texts that describe a meeting type. */
typedef enum
{
  SP_MEETING_TEXT_TIMING,     /* 时机 */
  SP_MEETING_TEXT_FLOW,       /* 流程 */
  SP_MEETING_TEXT_OPERATION,  /* 操作 */
  SP_MEETING_TEXT_GOAL,       /* 目标 */
} SpMeetingText;

#define SP_MEETING_N_TEXTS 4

/* A section of a meeting's record: its stable key (stored in the notes) and its translated
 * label. */
typedef struct
{
  const char *key;
  const char *label;
} SpMeetingSection;

GQuark        sp_meeting_error_quark           (void);

/* Stable keys as stored ("morning", …, "workshop"; "quarter", "half-year", "year"). */
const char   *sp_meeting_kind_to_string        (SpMeetingKind          kind);
gboolean      sp_meeting_kind_from_string      (const char            *text,
                                                SpMeetingKind         *kind);
const char   *sp_meeting_review_to_string      (SpMeetingReviewPeriod  period);
gboolean      sp_meeting_review_from_string    (const char            *text,
                                                SpMeetingReviewPeriod *period);
/* Translated names: "Morning meeting" (早会); a review with a period names the period
 * ("Quarterly review"). */
const char   *sp_meeting_kind_get_name         (SpMeetingKind          kind,
                                                SpMeetingReviewPeriod  period);
/* TRUE for sharing, coaching and workshop (激励类), FALSE for daily management (日常管理类). */
gboolean      sp_meeting_kind_is_motivation    (SpMeetingKind          kind);
const char   *sp_meeting_text_get_label        (SpMeetingText          text);
/* The built-in, translated text of a type. */
const char   *sp_meeting_text_get_default      (SpMeetingKind          kind,
                                                SpMeetingText          text);
/* The workspace's text of a type: its own wording if it has one, else the built-in. */
char         *sp_meeting_dup_text              (SpStore               *store,
                                                SpMeetingKind          kind,
                                                SpMeetingText          text);
/* Sets the workspace's wording (an undoable edit, "Edit meeting type"); NULL or text equal
 * to the built-in goes back to the built-in. */
gboolean      sp_meeting_set_text              (SpStore               *store,
                                                SpMeetingKind          kind,
                                                SpMeetingText          text,
                                                const char            *value,
                                                GError               **error);

/* The sections a meeting of @kind records, in order: its agenda's sections (minutes are
 * written per section), then "decisions", then the record fields of the motivation
 * meetings (sharing: topic, case, take-aways; coaching: skill and the five PESOS steps;
 * workshop: problem, options, decision, owners). @n_sections gets their number. */
const SpMeetingSection *sp_meeting_kind_get_sections (SpMeetingKind  kind,
                                                      guint         *n_sections);

#define SP_TYPE_MEETING (sp_meeting_get_type ())
G_DECLARE_FINAL_TYPE (SpMeeting, sp_meeting, SP, MEETING, GObject)

/* A meeting as read; read-only properties of the same names: "id", "kind" (uint),
 * "review-period" (uint), "day" (ISO date), "time" ("HH:MM"), "title", "rep-id",
 * "opportunity-id", "held". Edits go through the functions below and the list is re-read. */
gint64                sp_meeting_get_id             (SpMeeting *self);
SpMeetingKind         sp_meeting_get_kind           (SpMeeting *self);
SpMeetingReviewPeriod sp_meeting_get_review_period  (SpMeeting *self);
/* ISO date "YYYY-MM-DD" and time "HH:MM". */
const char           *sp_meeting_get_day            (SpMeeting *self);
const char           *sp_meeting_get_time           (SpMeeting *self);
void                  sp_meeting_get_date           (SpMeeting *self,
                                                     GDate     *day);
const char           *sp_meeting_get_title          (SpMeeting *self);
/* Free-text agenda and minutes of the meeting as a whole. */
const char           *sp_meeting_get_agenda         (SpMeeting *self);
const char           *sp_meeting_get_minutes        (SpMeeting *self);
/* Sharing: the presenter; coaching: the coached rep. 0 for none. */
gint64                sp_meeting_get_rep_id         (SpMeeting *self);
/* Sharing: the case (a won opportunity). 0 for none. */
gint64                sp_meeting_get_opportunity_id (SpMeeting *self);
gboolean              sp_meeting_get_held           (SpMeeting *self);

/* Meetings from @from to @to (both included; NULL for no bound) by day, time, then id; a
 * GListModel of SpMeeting. */
GListModel   *sp_meeting_list                  (SpStore        *store,
                                                const GDate    *from,
                                                const GDate    *to,
                                                GError        **error);
SpMeeting    *sp_meeting_get                   (SpStore        *store,
                                                gint64          id,
                                                GError        **error);

/* Adds a one-off meeting on @day at @time ("HH:MM"); @title NULL or "" uses the type's name;
 * @period is REVIEW_NONE for every kind but REVIEW (where NONE means a quarter). Returns its
 * id, or 0 with @error. An undoable edit ("Add meeting"). */
gint64        sp_meeting_add                   (SpStore               *store,
                                                SpMeetingKind          kind,
                                                SpMeetingReviewPeriod  period,
                                                const GDate           *day,
                                                const char            *time,
                                                const char            *title,
                                                GError               **error);
gboolean      sp_meeting_delete                (SpStore        *store,
                                                gint64          id,
                                                GError        **error);
/* Moves a meeting to another day and time. */
gboolean      sp_meeting_reschedule            (SpStore        *store,
                                                gint64          id,
                                                const GDate    *day,
                                                const char     *time,
                                                GError        **error);
/* Each sets one thing of a meeting as one undoable edit ("Edit meeting"); a value equal to
 * the current one records nothing. */
gboolean      sp_meeting_set_title             (SpStore        *store,
                                                gint64          id,
                                                const char     *title,
                                                GError        **error);
gboolean      sp_meeting_set_minutes           (SpStore        *store,
                                                gint64          id,
                                                const char     *minutes,
                                                GError        **error);
gboolean      sp_meeting_set_held              (SpStore        *store,
                                                gint64          id,
                                                gboolean        held,
                                                GError        **error);
/* 0 clears; an unknown rep or opportunity is refused. */
gboolean      sp_meeting_set_rep               (SpStore        *store,
                                                gint64          id,
                                                gint64          rep_id,
                                                GError        **error);
gboolean      sp_meeting_set_opportunity       (SpStore        *store,
                                                gint64          id,
                                                gint64          opportunity_id,
                                                GError        **error);

/* The note of a section (any key of sp_meeting_kind_get_sections(), or another key the
 * caller chooses); "" when none. Setting "" removes it. */
char         *sp_meeting_dup_note              (SpStore        *store,
                                                gint64          id,
                                                const char     *section,
                                                GError        **error);
gboolean      sp_meeting_set_note              (SpStore        *store,
                                                gint64          id,
                                                const char     *section,
                                                const char     *text,
                                                GError        **error);

/* Attendees: rep ids in id order (a GArray of gint64); setting replaces the whole list. */
GArray       *sp_meeting_list_attendees        (SpStore        *store,
                                                gint64          id,
                                                GError        **error);
gboolean      sp_meeting_set_attendees         (SpStore        *store,
                                                gint64          id,
                                                const gint64   *rep_ids,
                                                guint           n_reps,
                                                GError        **error);

/* "HH:MM" with 00 ≤ HH ≤ 23 and 00 ≤ MM ≤ 59 ("8:30" is accepted); FALSE otherwise. */
gboolean      sp_meeting_parse_time            (const char     *text,
                                                guint          *hour,
                                                guint          *minute);

G_END_DECLS
