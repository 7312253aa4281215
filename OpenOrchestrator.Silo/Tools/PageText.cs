using System.Text;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Accumulates readable text: runs of whitespace become one space, blocks start on a new line.</summary>
internal sealed class PageText
{
    private readonly StringBuilder _text = new();
    private bool _softSpace;

    public int Length => _text.Length;

    public void Append(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                if (_softSpace && _text.Length > 0 && _text[^1] is not (' ' or '\n') && c is not (',' or '.' or ';' or ':' or '!' or '?' or ')' or ']'))
                {
                    _text.Append(' ');
                }

                _softSpace = false;
                _text.Append(c);
            }
            else if (_text.Length > 0 && _text[^1] is not (' ' or '\n'))
            {
                _text.Append(' ');
            }
        }
    }

    /// <summary>A space that is only written if the next text is not punctuation, e.g. after a link's URL.</summary>
    public void SoftSpace() => _softSpace = true;

    public void LineBreak()
    {
        _softSpace = false;
        while (_text.Length > 0 && _text[^1] == ' ')
        {
            _text.Length--;
        }

        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append('\n');
        }
    }

    public string Since(int start) => _text.ToString(start, _text.Length - start);

    public override string ToString() => _text.ToString().Trim();
}
