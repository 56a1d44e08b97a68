-- Neovim 0.7's built-in LSP client against the Grounded Notes server: records what the
-- server publishes and answers, writes it as JSON to $GN_RESULT, then quits.
-- Environment: GN_SERVER (dist/server.js), GN_ROOT (the workspace), GN_RESULT.
local root, result_file = vim.env.GN_ROOT, vim.env.GN_RESULT
local result = { diagnostics = {}, errors = {} }

local function finish()
  local file = assert(io.open(result_file, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local function main()
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local client_id = vim.lsp.start_client({
    name = 'grounded-notes',
    cmd = { 'node', vim.env.GN_SERVER, '--stdio' },
    root_dir = root,
    handlers = {
      -- Keep the server's diagnostics as sent (with their codes), by file.
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        result.diagnostics[vim.uri_to_fname(params.uri):sub(#root + 2)] = params.diagnostics
        return default_publish(err, params, ctx, config)
      end,
      -- The server says "ready" once it has indexed the workspace and published every problem.
      ['groundedNotes/status'] = function(_, params)
        result.ready = params.state == 'ready'
      end,
    },
  })
  if not client_id then
    table.insert(result.errors, 'vim.lsp.start_client failed')
    return finish()
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/notes/broken-citations.md'))
  vim.lsp.buf_attach_client(0, client_id)
  if not vim.wait(30000, function() return result.ready end, 100) then
    table.insert(result.errors, 'the server did not report "ready" within 30 s')
    return finish()
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/notes/december-summit.md'))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client_id)
  local line_number = vim.fn.search('\\[\\[002#kirby-briefing\\]\\]')
  local column = vim.fn.col('.') - 1 + #'[[002#'
  local responses, err = vim.lsp.buf_request_sync(buffer, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    position = { line = line_number - 1, character = column },
  }, 15000)
  if not responses then
    table.insert(result.errors, 'hover: ' .. tostring(err))
  else
    for _, response in pairs(responses) do
      if response.error then table.insert(result.errors, 'hover: ' .. vim.inspect(response.error)) end
      if response.result then result.hover = response.result end
    end
  end
  finish()
end

vim.schedule(function()
  local ok, err = pcall(main)
  if not ok then
    table.insert(result.errors, tostring(err))
    finish()
  end
end)
