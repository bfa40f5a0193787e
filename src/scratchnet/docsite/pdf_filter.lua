--[[ The site's pages on paper: a pandoc Lua filter for the book's Typst (docsite/pdf.py).

Its input is the pandoc Markdown of docsite/pandoc_text.py: each page a Div of class
`page` (attribute `path`, e.g. "digits/training.md"), holding Divs of class `figure`,
`animation` and `admonition`, and code blocks with the `file` they come from. This filter
  - resolves links: to a page of the part, a link inside the book (to the heading the
    anchor names); to anything else, the website's address when `site_url` is known (a
    footnote with the address on paper), the page's path otherwise;
  - writes figures as Typst: images as wide as the page asked, never wider than the text
    (a width in pixels is a share of the site's text column), pixel-sharp when the image
    has the class `pixelated`; an animation becomes its strip of frames
    (figs/<name>-strip.png beside figs/<name>.gif), captioned with where it plays;
  - writes admonitions (`!!! note`, `??? tip "Your turn"`) and code blocks with their file
    through the template's `admonition` and `codefile`;
  - writes `\operatorname{name}` and multi-letter `\mathrm{name}` as upright operators.
Metadata: site_url (may be empty); root, the folder of the pages and their figs/.
--]]

-- The width of the site's text column, in CSS pixels: a page's width="700" on an image
-- is 700/800 of the column there, and so of the text here.
local SITE_COLUMN_PX = 800

local site_url = ""
local root = "" -- the folder the pages and figs/ are in
local anchors = {} -- page path -> { slug as MkDocs writes it -> pandoc identifier }
local page_ids = {} -- page path -> identifier of its title

local function typst_string(text)
  return '"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub("\n", " ") .. '"'
end

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or ""
end

-- "digits/../figs/x.png" -> "figs/x.png"
local function normalise(path)
  local parts = {}
  for part in path:gmatch("[^/]+") do
    if part == ".." then
      table.remove(parts)
    elseif part ~= "." then
      table.insert(parts, part)
    end
  end
  return table.concat(parts, "/")
end

local function relative_to(page, target)
  local folder = dirname(page)
  return normalise(folder == "" and target or folder .. "/" .. target)
end

-- The slug MkDocs' toc extension gives a heading: lower case, punctuation dropped,
-- spaces as hyphens.
local function slug(text)
  local s = text:lower():gsub("[^%w%s_-]", ""):gsub("^%s+", ""):gsub("%s+$", "")
  return (s:gsub("%s+", "-"))
end

-- "digits/training.md" -> "digits/training/", "index.md" -> "", as the site serves it.
local function site_path(target)
  local path = target:gsub("%.md$", "/"):gsub("index/$", "")
  if path == "/" then
    return ""
  end
  return path
end

local function address(target)
  if site_url ~= "" then
    return site_url .. site_path(target)
  end
  return site_path(target)
end

local function resolve_link(page, link)
  local href = link.target
  if href:match("^%a[%w+.-]*:") then
    return link -- http(s), mailto: already an address
  end
  local path, fragment = href:match("^([^#]*)#?(.*)$")
  local target = path == "" and page or relative_to(page, path)
  if anchors[target] then -- a page of this book
    local id = fragment ~= "" and anchors[target][fragment] or page_ids[target]
    if id then
      link.target = "#" .. id
      return link
    end
  end
  if site_url ~= "" then
    link.target = address(target) .. (fragment ~= "" and "#" .. fragment or "")
    return { link, pandoc.Note(pandoc.Plain({ pandoc.Code(link.target) })) }
  end
  if target:match("%.md$") then -- a page of the site: its path, for the reader to find
    return { pandoc.Span(link.content), pandoc.Space(), pandoc.Str("("),
      pandoc.Code(site_path(target)), pandoc.Str(")") }
  end
  return pandoc.Span(link.content) -- a file of the site (a video): its words
end

-- Symbols texmath names as Typst did before 0.14 renamed them (circled operators).
local RENAMED = { ["dot.circle"] = "dot.o", ["plus.circle"] = "plus.o",
  ["minus.circle"] = "minus.o", ["times.circle"] = "times.o", ["div.circle"] = "div.o" }

-- Math as Typst: \operatorname{softmax} and \mathrm{ReLU} as op("..."), upright and
-- spaced as an operator (texmath writes a quoted string, or letters apart), and symbols
-- by their current names.
local function typeset_math(math)
  local tex = math.text:gsub("\\mathrm%s*{(%a%a+)}", "\\operatorname{%1}")
  local ops = {}
  math.text = tex:gsub("\\operatorname%*?%s*{([^}]*)}", function(name)
    table.insert(ops, name)
    return "\\operatorname{OPERATOR" .. #ops .. "}"
  end)
  local written = pandoc.write(pandoc.Pandoc({ pandoc.Plain({ math }) }), "typst")
  written = written:gsub('"OPERATOR(%d+)"', function(n)
    local name = ops[tonumber(n)]:gsub("\\,", " ")
    return "op(" .. typst_string(name) .. ")"
  end)
  written = written:gsub("[%a]+%.circle", function(name) return RENAMED[name] end)
  return pandoc.RawInline("typst", (written:gsub("%s+$", "")))
end

local function caption_markup(blocks)
  local text = pandoc.write(pandoc.Pandoc(blocks), "typst")
  return (text:gsub("%s+$", ""))
end

local function image_width(attributes)
  local width = attributes.width
  if width then
    local px = tonumber((width:gsub("px$", "")))
    if px then
      return string.format("%d%%", math.min(100, math.floor(px * 100 / SITE_COLUMN_PX + 0.5)))
    end
    if width:match("%%$") then
      return width
    end
  end
  return "100%"
end

-- The image's path under the root, as Typst reads it; a missing file fails naming the page.
local function image_path(page, path, what)
  local file = io.open(root .. "/" .. path, "rb")
  if not file then
    error(page .. ": " .. what .. " " .. path .. " not found in " .. root, 0)
  end
  file:close()
  return "/" .. path
end

local function typst_figure(image_call, caption_blocks)
  return pandoc.RawBlock("typst", string.format("#figure(%s, caption: [%s])", image_call,
    caption_markup(caption_blocks)))
end

local function caption_of(div)
  for _, block in ipairs(div.content) do
    if block.t == "Div" and block.classes:includes("caption") then
      return block.content
    end
  end
  return {}
end

local function figure(page, div)
  local image
  div:walk({ Image = function(found) image = image or found end })
  if not image then
    error(page .. ": a figure without an image")
  end
  local call = string.format("image(%s, width: %s, alt: %s%s)",
    typst_string(image_path(page, relative_to(page, image.src), "the figure")),
    image_width(image.attributes),
    typst_string(pandoc.utils.stringify(image.caption)),
    image.classes:includes("pixelated") and ', scaling: "pixelated"' or "")
  return typst_figure(call, caption_of(div))
end

local function animation(page, div)
  local gif = relative_to(page, div.attributes.gif)
  local strip = gif:gsub("%.gif$", "-strip.png")
  local where = address(page)
  -- The site's caption describes the moving picture; the strip is titled frame by frame.
  local caption = { pandoc.Plain({ pandoc.Str("A few frames of the animation on the website ("),
    site_url ~= "" and pandoc.Link(where, where) or pandoc.Code(where ~= "" and where or "index"),
    pandoc.Str("), drawn from the same snapshots.") }) }
  local call = string.format('image(%s, width: 100%%, alt: %s, scaling: "pixelated")',
    typst_string(image_path(page, strip, "the animation's strip of frames")),
    typst_string("The animation's frames"))
  return typst_figure(call, caption)
end

local function browser(page)
  local where = address(page)
  return pandoc.Para({ pandoc.Str("This page is a program that runs in your browser, on the website: "),
    site_url ~= "" and pandoc.Link(where, where) or pandoc.Code(where), pandoc.Str(".") })
end

local function admonition(div)
  local kind = div.classes[2] or "note"
  local title = div.attributes.title
  if title and title ~= "" then -- Markdown, as the site reads it ("Your turn: `relu`")
    local inlines = pandoc.utils.blocks_to_inlines(pandoc.read(title, "markdown").blocks)
    title = "[" .. caption_markup({ pandoc.Plain(inlines) }) .. "]"
  else
    title = "none"
  end
  local open = string.format("#admonition(kind: %s, title: %s, collapsed: %s)[", typst_string(kind),
    title,
    div.attributes.collapsed == "true" and "true" or "false")
  local blocks = { pandoc.RawBlock("typst", open) }
  for _, block in ipairs(div.content) do
    table.insert(blocks, block)
  end
  table.insert(blocks, pandoc.RawBlock("typst", "]"))
  return blocks
end

local function code_with_file(block)
  local file = block.attributes.file
  if not file then
    return nil
  end
  block.attributes.file = nil
  return {
    pandoc.RawBlock("typst", "#codefile(" .. typst_string(file) .. ")["),
    block,
    pandoc.RawBlock("typst", "]"),
  }
end

local function on_page(div)
  local page = div.attributes.path
  div = div:walk({
    Link = function(link) return resolve_link(page, link) end,
    Math = typeset_math,
  })
  div = div:walk({
    CodeBlock = code_with_file,
    Div = function(inner)
      if inner.classes:includes("figure") then
        return figure(page, inner)
      elseif inner.classes:includes("animation") then
        return animation(page, inner)
      elseif inner.classes:includes("browser") then
        return browser(page)
      elseif inner.classes:includes("admonition") then
        return admonition(inner)
      end
    end,
  })
  return div.content
end

function Pandoc(doc)
  site_url = pandoc.utils.stringify(doc.meta.site_url or "")
  root = pandoc.utils.stringify(doc.meta.root or ".")
  if site_url ~= "" and not site_url:match("/$") then
    site_url = site_url .. "/"
  end
  for _, block in ipairs(doc.blocks) do
    if block.t == "Div" and block.classes:includes("page") then
      local page = block.attributes.path
      anchors[page] = {}
      block:walk({
        Header = function(header)
          page_ids[page] = page_ids[page] or header.identifier
          anchors[page][slug(pandoc.utils.stringify(header.content))] = header.identifier
        end,
      })
    end
  end
  local blocks = {}
  for _, block in ipairs(doc.blocks) do
    if block.t == "Div" and block.classes:includes("page") then
      for _, inner in ipairs(on_page(block)) do
        table.insert(blocks, inner)
      end
    else
      table.insert(blocks, block)
    end
  end
  doc.blocks = blocks
  return doc
end
