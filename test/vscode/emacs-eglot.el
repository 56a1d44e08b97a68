;;; emacs-eglot.el --- Emacs's LSP client (Eglot) against the Grounded Notes server -*- lexical-binding: t -*-
;; Run in batch mode by test/vscode/emacs.mjs: sets up Eglot as the README says, opens
;; notes of the example workspace, records what Emacs shows (Flymake's diagnostics, the
;; hover text) and writes it as JSON to $GN_RESULT.
;; Environment: GN_SERVER (dist/server.js), GN_ROOT (the workspace), GN_RESULT.
(require 'eglot)
(require 'json)

(defvar gn-root (file-name-as-directory (getenv "GN_ROOT")))
(defvar gn-result '())
(defvar gn-errors '())

;; --- the configuration the README documents ---
;; Debian's emacs-nox has no markdown-mode: notes open in text-mode here.
(add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((markdown-mode gfm-mode text-mode) . ("node" ,(getenv "GN_SERVER") "--stdio"))))
;; A notes folder without version control is a project of its own.
(add-hook 'project-find-functions
          (lambda (dir) (when (string-prefix-p gn-root (file-name-as-directory (expand-file-name dir)))
                          (cons 'transient gn-root))))
;; --- end of the configuration ---

(defun gn-wait (what test seconds)
  "Process events until TEST returns non-nil, or record that WHAT timed out after SECONDS."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall test))) (< (float-time) deadline))
      (accept-process-output nil 0.2))
    (unless value (push (format "timed out after %ss waiting for %s" seconds what) gn-errors))
    value))

(defun gn-diagnostics ()
  "Flymake's diagnostics in the current buffer, as the user sees them."
  (flymake-start)
  (mapcar (lambda (d)
            (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
              `((line . ,(line-number-at-pos beg)) (column . ,(save-excursion (goto-char beg) (current-column)))
                (endColumn . ,(save-excursion (goto-char end) (current-column)))
                (type . ,(symbol-name (flymake-diagnostic-type d))) (text . ,(flymake-diagnostic-text d)))))
          (flymake-diagnostics)))

(defun gn-run ()
  (find-file (expand-file-name "notes/broken-citations.md" gn-root))
  ;; What `M-x eglot' (or eglot-ensure) does once a command has run.
  (apply #'eglot (eglot--guess-contact))
  (let ((found (gn-wait "Flymake to show GN002 in notes/broken-citations.md"
                        (lambda () (let ((ds (gn-diagnostics)))
                                     (and (seq-some (lambda (d) (string-match-p "kirby-brifing" (alist-get 'text d))) ds) ds)))
                        90)))
    (push `(diagnostics . ,(or found [])) gn-result))
  (find-file (expand-file-name "notes/december-summit.md" gn-root))
  (gn-wait "Eglot to manage notes/december-summit.md" (lambda () (bound-and-true-p eglot--managed-mode)) 30)
  (goto-char (point-min))
  (search-forward "[[002#kirby-")
  (let* ((reply (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams)))
         (contents (plist-get reply :contents)))
    (push `(hover . ,(if contents (eglot--hover-info contents (plist-get reply :range)) "")) gn-result))
  (ignore-errors (eglot-shutdown (eglot--current-server-or-lose))))

(condition-case err
    (gn-run)
  (error (push (error-message-string err) gn-errors)))
(push `(errors . ,(or (reverse gn-errors) [])) gn-result)
(with-temp-file (getenv "GN_RESULT") (insert (json-encode gn-result)))
(kill-emacs 0)
