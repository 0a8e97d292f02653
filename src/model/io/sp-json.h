/* sp-json.h — the one JSON writer: streaming, json-glib's escaping, a fixed readable layout
 *
 * Every JSON the model and the CLI write goes through this writer, so a string reads back the
 * same whatever command printed it. Strings are serialised by json-glib (the GNOME runtime's
 * JSON library); the writer only adds the layout, so a large export streams without building a
 * tree of every cell first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SP_JSON_BLOCK,  /* one member or element per line, indented by two spaces a level */
  SP_JSON_INLINE, /* on one line: {"a": 1, "b": [2, 3]} */
} SpJsonLayout;

typedef struct _SpJsonWriter SpJsonWriter;

/* Writes to @stream (flushed every 64 KiB and by sp_json_writer_finish()), or, with @stream
 * NULL, into a buffer that sp_json_writer_finish_text() returns. */
SpJsonWriter *sp_json_writer_new          (GOutputStream  *stream);
void          sp_json_writer_free         (SpJsonWriter   *self);

void          sp_json_writer_begin_object (SpJsonWriter   *self,
                                           SpJsonLayout    layout);
void          sp_json_writer_end_object   (SpJsonWriter   *self);
void          sp_json_writer_begin_array  (SpJsonWriter   *self,
                                           SpJsonLayout    layout);
void          sp_json_writer_end_array    (SpJsonWriter   *self);
/* The name of the next member of the current object. */
void          sp_json_writer_key          (SpJsonWriter   *self,
                                           const char     *name);
/* UTF-8 text; NULL writes null. */
void          sp_json_writer_string       (SpJsonWriter   *self,
                                           const char     *text);
void          sp_json_writer_int          (SpJsonWriter   *self,
                                           gint64          value);
void          sp_json_writer_boolean      (SpJsonWriter   *self,
                                           gboolean        value);
void          sp_json_writer_null         (SpJsonWriter   *self);

/* Writes out what is buffered once it is large; call between elements of a long array. */
gboolean      sp_json_writer_flush        (SpJsonWriter   *self,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* The document is complete: ends it with a newline and writes everything to the stream. */
gboolean      sp_json_writer_finish       (SpJsonWriter   *self,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* For a writer without a stream: the complete document, ending with a newline. */
char         *sp_json_writer_finish_text  (SpJsonWriter   *self);

/* @text as a JSON string literal, quotes included (json-glib's escaping). */
char         *sp_json_quote               (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpJsonWriter, sp_json_writer_free)

G_END_DECLS
