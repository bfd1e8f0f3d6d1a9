"""Import of the commune's Excel lists of children (docs/import-format.md).

columns  the file format: headers, synonyms, the words accepted in each column
reader   the .xlsx: header row, column mapping, raw rows
values   cells → the fields the registry services take, with per-cell errors
plan     the dry run: create / update / unchanged / likely duplicate / error
services the batch: upload, check and all-or-nothing commit (run by Celery)
"""
